namespace MixpanelSync.Api.Authentication;

/// <summary>Reads the generated operator key from its file, creating the file with a new key when missing.</summary>
internal static class OperatorKeyFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static string ReadOrCreate(string path, ILogger logger)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = ApiKeySecrets.NewOperatorKey();
        try
        {
            // CreateNew fails when another silo sharing the directory wrote the file first; that key then wins.
            var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                fileOptions.UnixCreateMode = OwnerOnly;
            }

            using var stream = new FileStream(path, fileOptions);
            using var writer = new StreamWriter(stream);
            writer.WriteLine(key);
            Log.OperatorKeyGenerated(logger, path, ApiKeySecrets.SuffixOf(key));
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            return ReadExisting(path, logger);
        }
    }

    private static string ReadExisting(string path, ILogger logger)
    {
        var key = File.ReadAllText(path).Trim();
        if (key.Length < Hosting.ApiOptionsValidator.MinOperatorKeyLength)
        {
            throw new InvalidOperationException(
                $"The operator key file {path} holds no valid key. Delete it to have a new key generated, "
                + "or set Api:OperatorKey.");
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~OwnerOnly) != 0)
        {
            File.SetUnixFileMode(path, OwnerOnly);
            Log.OperatorKeyFilePermissionsFixed(logger, path);
        }

        Log.OperatorKeyLoaded(logger, path, ApiKeySecrets.SuffixOf(key));
        return key;
    }
}
