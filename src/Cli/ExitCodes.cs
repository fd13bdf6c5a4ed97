namespace MixpanelSync.Cli;

/// <summary>The process exit codes of every command, which <see cref="HelpText"/> lists in --help.</summary>
internal static class ExitCodes
{
    /// <summary>The command did everything it was asked to.</summary>
    public const int Success = 0;

    /// <summary>The command finished, but events were rejected or failed, or the run did not succeed.</summary>
    public const int CompletedWithProblems = 1;

    /// <summary>An option, argument or input file is missing or invalid, so nothing or only a part was sent.</summary>
    public const int InvalidUsage = 2;

    /// <summary>The service or Mixpanel rejected the request: key, token, brand, settings or state.</summary>
    public const int Rejected = 3;

    /// <summary>The service or Mixpanel could not be reached, timed out, or responded with 429 or 5xx.</summary>
    public const int Unavailable = 4;

    /// <summary>Ctrl+C stopped the command.</summary>
    public const int Interrupted = 130;

    public const string HelpText = """
        Exit codes:
          0    Success.
          1    Finished, but some events were rejected or failed, or the run did not succeed.
          2    Invalid usage: a missing or invalid option, argument or input file.
          3    Rejected: the service or Mixpanel rejected the key, token, brand, settings or request.
          4    Unavailable: the service or Mixpanel could not be reached, timed out, or responded with 429 or 5xx.
          130  Interrupted by Ctrl+C.

        Environment: MIXPANEL_SYNC_URL and MIXPANEL_SYNC_KEY stand in for --url and --key;
        MIXPANEL_PROJECT_TOKEN stands in for push --token.
        """;
}
