using MixpanelSync.Events.Importers;
using MixpanelSync.GrainInterfaces.Integration;

namespace MixpanelSync.Silo.Demo;

/// <summary>Finds the samples folder and turns its three real datasets into demo brands.</summary>
internal static class DemoDatasets
{
    /// <summary>The community id the Stack Exchange events carry.</summary>
    public const string StackExchangeCommunity = "martialarts.stackexchange.com";

    private const string KuaiRandFile = "kuairand-1k-video-sample/kuairand_1k_log_random_excerpt.csv";
    private const string OttoFile = "otto-ecommerce-sessions/otto_train_sample.jsonl";
    private const string StackExchangeFolder = "stackexchange-martialarts";

    /// <summary>
    /// Returns <paramref name="configured"/>, or the first <c>samples</c> folder with the KuaiRand sample above the
    /// current directory or the program's directory.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">No samples folder was found.</exception>
    public static string FindSamplesDirectory(string? configured)
    {
        if (configured is not null)
        {
            var full = Path.GetFullPath(configured);
            return File.Exists(Path.Combine(full, KuaiRandFile))
                ? full
                : throw new DirectoryNotFoundException(
                    $"--samples '{configured}' has no {KuaiRandFile}. Pass the repository's samples folder.");
        }

        string[] starts = [Directory.GetCurrentDirectory(), AppContext.BaseDirectory];
        foreach (var start in starts)
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "samples");
                if (File.Exists(Path.Combine(candidate, KuaiRandFile)))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException(
            $"No samples folder with {KuaiRandFile} was found above {starts[0]} or {starts[1]}. "
            + "Run the demo from the repository, or pass --samples <folder>.");
    }

    /// <summary>Reads the three datasets: short videos (US), shop sessions (EU) and a community (India).</summary>
    public static IReadOnlyList<DemoDataset> Load(string samplesDirectory) =>
        [LoadVideos(samplesDirectory), LoadShop(samplesDirectory), LoadCommunity(samplesDirectory)];

    private static DemoDataset LoadVideos(string samplesDirectory)
    {
        using var reader = File.OpenText(Path.Combine(samplesDirectory, KuaiRandFile));
        return new DemoDataset(
            "demo-videos",
            "Short videos (KuaiRand)",
            [KuaiRandFile],
            MixpanelResidency.Us,
            [.. KuaiRandImporter.Read(reader)]);
    }

    private static DemoDataset LoadShop(string samplesDirectory)
    {
        using var reader = File.OpenText(Path.Combine(samplesDirectory, OttoFile));
        return new DemoDataset(
            "demo-shop",
            "Shop sessions (OTTO)",
            [OttoFile],
            MixpanelResidency.Eu,
            [.. OttoSessionImporter.Read(reader)]);
    }

    private static DemoDataset LoadCommunity(string samplesDirectory)
    {
        var folder = Path.Combine(samplesDirectory, StackExchangeFolder);
        using var users = File.OpenRead(Path.Combine(folder, "Users.xml"));
        using var badges = File.OpenRead(Path.Combine(folder, "Badges.xml"));
        using var votes = File.OpenRead(Path.Combine(folder, "Votes.xml"));
        return new DemoDataset(
            "demo-community",
            "Community (Stack Exchange)",
            [.. new[] { "Users.xml", "Badges.xml", "Votes.xml" }.Select(file => $"{StackExchangeFolder}/{file}")],
            MixpanelResidency.India,
            [
                .. StackExchangeImporter.ReadUsers(users, StackExchangeCommunity),
                .. StackExchangeImporter.ReadBadges(badges, StackExchangeCommunity),
                .. StackExchangeImporter.ReadVotes(votes),
            ]);
    }
}
