using System.Text.RegularExpressions;

namespace MixpanelSync.Cli.Tests.Support;

/// <summary>
/// Counts the records of the raw sample files with plain text parsing, independently of the project's importers,
/// so that the demo's and the CLI's counts can be checked against the files themselves.
/// </summary>
internal static partial class SampleData
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    public static string RepositoryRoot => Root.Value;

    public static string SamplesDirectory => Path.Combine(RepositoryRoot, "samples");

    public static string KuaiRandFile =>
        Path.Combine(SamplesDirectory, "kuairand-1k-video-sample", "kuairand_1k_log_random_excerpt.csv");

    public static string OttoFile =>
        Path.Combine(SamplesDirectory, "otto-ecommerce-sessions", "otto_train_sample.jsonl");

    public static string StackExchangeDirectory => Path.Combine(SamplesDirectory, "stackexchange-martialarts");

    /// <summary>
    /// Returns the expected events per type of the KuaiRand log: one <c>video_view</c> per row, and a <c>like</c>,
    /// <c>share</c>, <c>comment</c> or <c>follow</c> per set flag.
    /// </summary>
    public static Dictionary<string, long> KuaiRandEventsByType()
    {
        var lines = File.ReadAllLines(KuaiRandFile).Where(line => line.Length > 0).ToList();
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(line => line.Split(',')).ToList();
        long Flags(string column)
        {
            var index = Array.IndexOf(header, column);
            return rows.Count(cells => cells[index] != "0");
        }

        return WithoutZeros(new Dictionary<string, long>
        {
            ["video_view"] = rows.Count,
            ["like"] = Flags("is_like"),
            ["share"] = Flags("is_forward"),
            ["comment"] = Flags("is_comment"),
            ["follow"] = Flags("is_follow"),
        });
    }

    /// <summary>Returns the expected events per type of the OTTO sessions: clicks, carts and orders.</summary>
    public static Dictionary<string, long> OttoEventsByType()
    {
        var text = File.ReadAllText(OttoFile);
        long Count(string type) => OttoType().Matches(text).Count(match => match.Groups[1].Value == type);
        return WithoutZeros(new Dictionary<string, long>
        {
            ["product_view"] = Count("clicks"),
            ["add_to_cart"] = Count("carts"),
            ["purchase"] = Count("orders"),
        });
    }

    /// <summary>
    /// Returns the expected events per type of the Stack Exchange dump: members and badges except those of the
    /// system account -1, and votes that name a voter other than -1.
    /// </summary>
    public static Dictionary<string, long> StackExchangeEventsByType()
    {
        long CountRows(string file, Regex user) => File.ReadLines(Path.Combine(StackExchangeDirectory, file))
            .Where(line => line.TrimStart().StartsWith("<row ", StringComparison.Ordinal))
            .Select(line => user.Match(line))
            .Count(match => match.Success && match.Groups[1].Value != "-1");
        return new Dictionary<string, long>
        {
            ["community_join"] = CountRows("Users.xml", IdAttribute()),
            ["community_badge"] = CountRows("Badges.xml", UserIdAttribute()),
            ["like"] = CountRows("Votes.xml", UserIdAttribute()),
        };
    }

    private static Dictionary<string, long> WithoutZeros(Dictionary<string, long> counts) =>
        counts.Where(pair => pair.Value > 0).ToDictionary();

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        for (; directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MixpanelSync.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No MixpanelSync.slnx above {AppContext.BaseDirectory}; the tests read samples/ from the repository.");
    }

    [GeneratedRegex("\"type\"\\s*:\\s*\"(clicks|carts|orders)\"")]
    private static partial Regex OttoType();

    [GeneratedRegex("\\sId=\"(-?\\d+)\"")]
    private static partial Regex IdAttribute();

    [GeneratedRegex("\\sUserId=\"(-?\\d+)\"")]
    private static partial Regex UserIdAttribute();
}
