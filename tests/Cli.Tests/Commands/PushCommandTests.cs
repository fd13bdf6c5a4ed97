using System.Text.Json;
using MixpanelSync.Cli.Tests.Support;
using MixpanelSync.MixpanelEmulator;

namespace MixpanelSync.Cli.Tests.Commands;

/// <summary>Pushes generated files of Mixpanel-shaped events to an emulator through <c>push --base-url</c>.</summary>
public sealed class PushCommandTests : IAsyncLifetime
{
    private const string Token = "push-tests-token-0123456789";

    private readonly string _directory = Directory.CreateTempSubdirectory("cli-push-").FullName;
    private MixpanelEmulatorHost _emulator = null!;

    public async Task InitializeAsync()
    {
        var options = new MixpanelEmulatorOptions();
        options.Projects.Add(new EmulatorProject(Token) { Residency = EmulatorResidency.Eu });
        _emulator = await MixpanelEmulatorHost.StartAsync(options);
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Push_NdjsonWithInvalidLines_ImportsValidOnes()
    {
        var file = await WriteFileAsync("events.ndjson", NdjsonLines(validCount: 2500));

        var result = await PushAsync(file, "--concurrency", "4");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(2500, _emulator.GetDeduplicatedEvents(Token).Count);
        Assert.Matches(@"\s2,502\s+2,500\s+1\s+0\s+1\s+2\s+0\s", result.Output);
        Assert.Contains("Rejected by reason: EventNameMissing 1.", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"\s4\s+The line is not valid JSON", result.Output);
        Assert.DoesNotContain(Token, result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Push_SameFileTwice_StoresEachEventOnce()
    {
        var file = await WriteFileAsync("array.json", $"[{string.Join(',', Events(40, "array"))}]");

        var first = await PushAsync(file);
        var second = await PushAsync(file);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(40, _emulator.GetDeduplicatedEvents(Token).Count(stored => stored.Name == "array"));
    }

    [Fact]
    public async Task Push_WrongToken_ExitsRejectedNamingOptions()
    {
        const string WrongToken = "push-tests-wrong-token-9876";
        var file = await WriteFileAsync("few.ndjson", string.Join('\n', Events(5, "wrong")));

        var result = await CliRun.RunAsync(
            "push", file, "--token", WrongToken, "--residency", "eu", "--base-url", BaseUrl);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Check --token and --residency", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongToken, result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Push_ConcurrencyOutOfRange_ExitsUsage()
    {
        var file = await WriteFileAsync("one.ndjson", Events(1, "one")[0]);

        var result = await PushAsync(file, "--concurrency", "65");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--concurrency 65 is out of range. Use 1 to 64.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Push_MissingFile_ExitsUsage()
    {
        var result = await PushAsync(Path.Combine(_directory, "missing.ndjson"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("missing.ndjson' was not found", result.Error, StringComparison.Ordinal);
    }

    private string BaseUrl => _emulator.GetBaseAddress(EmulatorResidency.Eu).ToString();

    private Task<CliResult> PushAsync(string file, params string[] options) =>
        CliRun.RunAsync(["push", file, "--token", Token, "--residency", "eu", "--base-url", BaseUrl, .. options]);

    private async Task<string> WriteFileAsync(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        await File.WriteAllTextAsync(path, content);
        return path;
    }

    /// <summary>Returns valid events with a line that is not JSON (line 4) and an event without a name.</summary>
    private static string NdjsonLines(int validCount)
    {
        var lines = Events(validCount, "page_view");
        lines.Insert(3, "{not json");
        lines.Insert(10, """{"event":"","properties":{"time":1700000000,"distinct_id":"u1","$insert_id":"no-name"}}""");
        return string.Join('\n', lines);
    }

    private static List<string> Events(int count, string name)
    {
        var time = DateTimeOffset.UtcNow.AddDays(-1).ToUnixTimeSeconds();
        return [.. Enumerable.Range(0, count).Select(i => JsonSerializer.Serialize(new
        {
            @event = name,
            properties = new Dictionary<string, object>
            {
                ["time"] = time - i,
                ["distinct_id"] = $"user-{i % 97}",
                ["$insert_id"] = $"{name}-{i}",
                ["page"] = $"/p/{i % 13}",
            },
        }))];
    }
}
