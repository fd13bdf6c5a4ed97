using MixpanelSync.Cli.Ingestion;
using MixpanelSync.Cli.Tests.Support;

namespace MixpanelSync.Cli.Tests.Commands;

/// <summary>Command-line errors and help, which need no service.</summary>
public sealed class UsageTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cli-usage-").FullName;

    [Fact]
    public async Task Help_Root_ListsCommandsAndExitCodes()
    {
        var result = await CliRun.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "ingest", "connect", "sync", "backfill", "status", "runs", "rejected", "push" })
        {
            Assert.Contains($"  {command}", result.Output, StringComparison.Ordinal);
        }

        Assert.Contains("Exit codes:", result.Output, StringComparison.Ordinal);
        Assert.Contains("130  Interrupted by Ctrl+C.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_RequiredOptionsMissing_ShowsHelp()
    {
        var result = await CliRun.RunAsync("connect", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--time-zone", result.Output, StringComparison.Ordinal);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task Sync_MissingBrand_ExitsUsage()
    {
        var result = await CliRun.RunAsync("sync");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'--brand' is required", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_NoKey_NamesVariable()
    {
        var result = await CliRun.RunAsync("status", "--brand", "b1", "--url", "http://127.0.0.1:9");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("MIXPANEL_SYNC_KEY", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_RelativeUrl_NamesOption()
    {
        var result = await CliRun.RunAsync("status", "--brand", "b1", "--url", "localhost:5080", "--key", "k");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(
            "'localhost:5080' is not an absolute http or https URL",
            result.Error,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_UnknownResidency_ListsChoices()
    {
        var result = await CliRun.RunAsync("connect", "--brand", "b1", "--residency", "mars");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'mars'", result.Error, StringComparison.Ordinal);
        Assert.Contains("'eu'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_UnknownExtension_NamesFormatOption()
    {
        var file = Path.Combine(_directory, "events.txt");
        await File.WriteAllTextAsync(file, "{}");

        var result = await CliRun.RunAsync(
            "ingest", file, "--brand", "b1", "--url", "http://127.0.0.1:9", "--key", "k");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Pass --format", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kuairand-1k-video-sample/kuairand_1k_log_random_excerpt.csv", "KuaiRand")]
    [InlineData("otto-ecommerce-sessions/otto_train_sample.jsonl", "Otto")]
    [InlineData("stackexchange-martialarts", "StackExchange")]
    [InlineData("stackexchange-martialarts/Votes.xml", "StackExchange")]
    public void EventSource_SampleInput_DetectsFormat(string path, string expected)
    {
        var source = EventSource.Open(Path.Combine(SampleData.SamplesDirectory, path), EventFileFormat.Auto, null);

        Assert.Equal(Enum.Parse<EventFileFormat>(expected), source.Format);
    }

    [Fact]
    public void EventSource_StackExchangeFolder_DerivesCommunityId()
    {
        var source = EventSource.Open(SampleData.StackExchangeDirectory, EventFileFormat.Auto, null);

        Assert.Equal("martialarts.stackexchange.com", source.CommunityId);
    }

    [Fact]
    public async Task EventSource_BrandEventsJsonl_ReadsNdjson()
    {
        var file = Path.Combine(_directory, "events.jsonl");
        await File.WriteAllTextAsync(file, """{"event_id":"e1","type":"like","occurred_at":"2026-01-01T00:00:00Z"}""");

        var source = EventSource.Open(file, EventFileFormat.Auto, null);

        Assert.Equal(EventFileFormat.Ndjson, source.Format);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
