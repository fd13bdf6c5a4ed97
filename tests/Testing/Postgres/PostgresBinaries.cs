namespace MixpanelSync.Testing.Postgres;

/// <summary>Locates the locally installed PostgreSQL server programs.</summary>
internal static class PostgresBinaries
{
    /// <summary>Environment variable that names the folder of initdb and postgres, overriding the search.</summary>
    public const string BinDirectoryVariable = "MIXPANELSYNC_POSTGRES_BIN";

    private const string DebianRoot = "/usr/lib/postgresql";

    /// <summary>
    /// Returns the folder that contains initdb and postgres: the override variable if set, else the newest
    /// version under /usr/lib/postgresql (Debian's layout).
    /// </summary>
    /// <exception cref="InvalidOperationException">No PostgreSQL server is installed.</exception>
    public static string FindBinDirectory()
    {
        var configured = Environment.GetEnvironmentVariable(BinDirectoryVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return HasServerPrograms(configured)
                ? configured
                : throw new InvalidOperationException(
                    $"{BinDirectoryVariable} is '{configured}', but that folder has no initdb and postgres. " +
                    "Point it at the bin folder of a PostgreSQL server installation.");
        }

        var newest = Directory.Exists(DebianRoot)
            ? Directory.GetDirectories(DebianRoot)
                .Select(version => Path.Combine(version, "bin"))
                .Where(HasServerPrograms)
                .OrderByDescending(VersionOf)
                .FirstOrDefault()
            : null;

        return newest ?? throw new InvalidOperationException(
            $"No PostgreSQL server found under {DebianRoot}/<version>/bin. Install it with " +
            $"'apt-get install -y postgresql', or set {BinDirectoryVariable} to the folder of initdb and postgres.");
    }

    private static bool HasServerPrograms(string directory) =>
        File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "postgres"));

    private static int VersionOf(string binDirectory)
    {
        var versionFolder = Path.GetFileName(Path.GetDirectoryName(binDirectory)) ?? "";
        return int.TryParse(versionFolder, out var version) ? version : 0;
    }
}
