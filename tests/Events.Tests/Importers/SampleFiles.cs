namespace MixpanelSync.Events.Tests.Importers;

/// <summary>Locates the sample data shipped in the repository's samples folder.</summary>
internal static class SampleFiles
{
    public const string StackExchangeCommunity = "martialarts.stackexchange.com";

    private static readonly Lazy<string> RepositoryRoot = new(FindRepositoryRoot);

    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([RepositoryRoot.Value, "samples", .. parts]);

    public static string RepositoryFile(params string[] parts) =>
        System.IO.Path.Combine([RepositoryRoot.Value, .. parts]);

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "MixpanelSync.slnx")))
            {
                return directory.FullName;
            }

            directory = directory.Parent;
        }

        throw new InvalidOperationException(
            $"No MixpanelSync.slnx above {AppContext.BaseDirectory}; the tests read samples/ from the repository.");
    }
}
