using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using MixpanelSync.Cli.Tests.Support;
using MixpanelSync.Testing.Processes;

namespace MixpanelSync.Cli.Tests.Commands;

/// <summary>Runs the CLI's service commands against a silo process that syncs to an emulator in this process.</summary>
public sealed partial class ServiceCommandTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cli-commands-").FullName;

    [Fact]
    public async Task Workflow_GeneratedEvents_ImportsAndListsRejected()
    {
        var brandId = ServiceFixture.NewBrandId();
        var token = fixture.AddProject();
        var file = Path.Combine(_directory, "events.ndjson");
        await File.WriteAllLinesAsync(file, WorkflowEvents(validCount: 200));

        var connect = await RunAsync("connect", "--brand", brandId, "--token", token, "--residency", "us");
        var ingest = await RunAsync("ingest", file, "--brand", brandId, "--batch-size", "75");
        var sync = await RunAsync("sync", "--brand", brandId, "--follow");
        var status = await RunAsync("status", "--brand", brandId);
        var runs = await RunAsync("runs", "--brand", brandId);
        var rejected = await RunAsync("rejected", "--brand", brandId);

        Assert.True(connect.ExitCode == 0, connect.ToString());
        Assert.Contains(token[^4..], connect.Output, StringComparison.Ordinal);

        // The schema rejects lines 3 and 6 of the file, and the 2 future events pass ingestion.
        Assert.True(ingest.ExitCode == 1, ingest.ToString());
        Assert.Matches(@"\s204\s+202\s+0\s+2\s", ingest.Output);
        Assert.Contains("w-bad-type", ingest.Output, StringComparison.Ordinal);
        Assert.Matches(@"\s3\s+w-bad-type\s", ingest.Output);
        Assert.Matches(@"\s6\s+w-no-time\s", ingest.Output);

        Assert.True(sync.ExitCode == 1, sync.ToString());
        Assert.Contains("completedWithRejections", sync.Output, StringComparison.Ordinal);
        Assert.Equal(200, fixture.Emulator.GetDeduplicatedEvents(token).Count);

        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("degraded", status.Output, StringComparison.Ordinal);

        Assert.True(runs.ExitCode == 0, runs.ToString());
        Assert.Contains(RunIdOf(sync.Output), runs.Output, StringComparison.Ordinal);

        Assert.True(rejected.ExitCode == 0, rejected.ToString());
        Assert.Contains("w-future-1", rejected.Output, StringComparison.Ordinal);
        Assert.Contains("w-future-2", rejected.Output, StringComparison.Ordinal);

        // Mixpanel rejects the two future events, and the table shows its message for each.
        Assert.Contains("message", rejected.Output, StringComparison.Ordinal);
        Assert.Equal(
            2,
            Regex.Count(rejected.Output, @"'properties\.time' is invalid: must not be more than 1 hour in the future"));

        foreach (var result in new[] { connect, ingest, sync, status, runs, rejected })
        {
            Assert.DoesNotContain(token, result.Output + result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain(ServiceFixture.OperatorKey, result.Output + result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Ingest_KuaiRandLog_BackfillImportsEveryEvent()
    {
        var brandId = ServiceFixture.NewBrandId();
        var token = fixture.AddProject();
        var expected = SampleData.KuaiRandEventsByType().Values.Sum();

        var ingest = await RunAsync("ingest", SampleData.KuaiRandFile, "--brand", brandId);
        var connect = await RunAsync("connect", "--brand", brandId, "--token", token, "--residency", "us");

        // The first run passes over the 2022 events as older than the connection, and the backfill sends them.
        var sync = await RunAsync("sync", "--brand", brandId, "--follow");
        var preview = await RunAsync("backfill", "--brand", brandId, "--from", "2022-04-01", "--preview");
        var backfill = await RunAsync("backfill", "--brand", brandId, "--from", "2022-04-01", "--follow");

        Assert.True(ingest.ExitCode == 0, ingest.ToString());
        Assert.Contains("(KuaiRand", ingest.Output, StringComparison.Ordinal);
        Assert.True(connect.ExitCode == 0, connect.ToString());
        Assert.True(sync.ExitCode == 0, sync.ToString());
        Assert.Matches($@"\s{expected}\s+{expected}\s+0\s+0\s", sync.Output);
        Assert.True(preview.ExitCode == 0, preview.ToString());
        Assert.Contains($"sends {expected} stored events", preview.Output, StringComparison.Ordinal);
        Assert.True(backfill.ExitCode == 0, backfill.ToString());
        Assert.Equal(expected, fixture.Emulator.GetDeduplicatedEvents(token).Count);
    }

    [Fact]
    public async Task Connect_HourOutOfRange_NamesOption()
    {
        var result = await RunAsync(
            "connect", "--brand", ServiceFixture.NewBrandId(), "--token", fixture.AddProject(), "--residency", "eu",
            "--hour", "25");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("(--hour)", result.Error, StringComparison.Ordinal);
        Assert.Contains("25", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_NotConnected_ExitsRejected()
    {
        var brandId = ServiceFixture.NewBrandId();

        var result = await RunAsync("status", "--brand", brandId);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"Brand '{brandId}' has no Mixpanel integration", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_WrongKey_ExitsRejectedWithMaskedKey()
    {
        const string WrongKey = "not-the-operator-key-0000-wxyz";

        var result = await RunAsync("status", "--brand", ServiceFixture.NewBrandId(), "--key", WrongKey);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("(401)", result.Error, StringComparison.Ordinal);
        Assert.Contains("ending in ****wxyz", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongKey, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_ServiceDown_ExitsUnavailable()
    {
        var closedPort = FreePorts.Next().ToString(CultureInfo.InvariantCulture);

        var result = await RunAsync("status", "--brand", "b1", "--url", $"http://127.0.0.1:{closedPort}");

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("Could not reach the service", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private Task<CliResult> RunAsync(params string[] args) => CliRun.RunAsync(fixture.Variables, args);

    /// <summary>
    /// Returns 200 valid events from minutes ago, 2 events half an hour ahead that the run rejects, and 2 events
    /// the schema rejects on lines 3 and 6.
    /// </summary>
    private static List<string> WorkflowEvents(int validCount)
    {
        var now = DateTimeOffset.UtcNow;
        var lines = new List<string>
        {
            Event("w-future-1", "video_view", now.AddMinutes(30)),
            Event("w-0", "video_view", now.AddMinutes(-5)),
            Event("w-bad-type", "no_such_type", now.AddMinutes(-5)),
            Event("w-future-2", "video_view", now.AddMinutes(30)),
            "",
            Event("w-no-time", "video_view", null),
        };
        for (var i = 1; i < validCount; i++)
        {
            lines.Add(Event($"w-{i}", "video_view", now.AddMinutes(-5).AddSeconds(-i)));
        }

        return lines;
    }

    private static string Event(string id, string type, DateTimeOffset? occurredAt)
    {
        var fields = new Dictionary<string, object>
        {
            ["event_id"] = id,
            ["type"] = type,
            ["user_id"] = "user-" + id,
            ["properties"] = new Dictionary<string, object> { ["video_id"] = "v-" + id, ["watch_time_ms"] = 1500 },
        };
        if (occurredAt is { } time)
        {
            fields["occurred_at"] = time.ToString("O", CultureInfo.InvariantCulture);
        }

        return JsonSerializer.Serialize(fields);
    }

    private static string RunIdOf(string syncOutput) => StartedRun().Match(syncOutput).Groups[1].Value;

    [GeneratedRegex(@"Run (\S+) started\.")]
    private static partial Regex StartedRun();
}
