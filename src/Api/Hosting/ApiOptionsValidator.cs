using Microsoft.Extensions.Options;

namespace MixpanelSync.Api.Hosting;

/// <summary>Checks the API settings at start-up; each failure names the setting and its fix.</summary>
internal sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    /// <summary>The shortest operator key accepted from configuration.</summary>
    public const int MinOperatorKeyLength = 32;

    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        var failures = new List<string>();
        if (options.OperatorKey is { } key && (key.Length < MinOperatorKeyLength || key.Any(char.IsWhiteSpace)))
        {
            failures.Add(
                $"Api:OperatorKey must be at least {MinOperatorKeyLength} characters without spaces. "
                + "Use a random value, or remove the setting to have one generated.");
        }

        if (options.AlertWebhookUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")))
        {
            failures.Add("Api:AlertWebhookUrl must be an absolute http or https URL, or be left out.");
        }

        AddIfNotPositive(failures, options.AlertPollInterval, "Api:AlertPollInterval");
        AddIfNotPositive(failures, options.AlertWatchPeriod, "Api:AlertWatchPeriod");
        AddIfNotPositive(failures, options.RateLimitWindow, "Api:RateLimitWindow");
        AddIfNotPositive(failures, options.KeyCacheDuration, "Api:KeyCacheDuration");
        if (options.MaxIngestionBodyBytes < 1024)
        {
            failures.Add("Api:MaxIngestionBodyBytes must be at least 1024.");
        }

        if (options.MaxRequestBodyBytes < 1024)
        {
            failures.Add("Api:MaxRequestBodyBytes must be at least 1024.");
        }

        if (options.RateLimitPermits < 1)
        {
            failures.Add("Api:RateLimitPermits must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void AddIfNotPositive(List<string> failures, TimeSpan value, string setting)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{setting} must be a positive time span such as 00:00:30.");
        }
    }
}
