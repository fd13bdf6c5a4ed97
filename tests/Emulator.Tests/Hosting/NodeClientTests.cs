using System.Diagnostics;
using System.Text.Json;
using MixpanelSync.MixpanelEmulator;

namespace MixpanelSync.Emulator.Tests;

/// <summary>
/// Runs the official Mixpanel Node.js library (npm package mixpanel) unchanged against the emulator's HTTPS port.
/// </summary>
public sealed class NodeClientTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task NodeLibrary_TrackAndImportBatch_AreStored()
    {
        var now = DateTimeOffset.UtcNow;
        fixture.Time.SetUtcNow(now > fixture.Now ? now : fixture.Now);
        var project = fixture.AddProject(project => project with { ApiSecret = "node-secret-" + Guid.NewGuid() });
        var folder = FindNodeClientFolder();
        await EnsurePackagesAsync(folder);
        var certificatePath = Path.Combine(Path.GetTempPath(), $"emulator-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(certificatePath, fixture.Emulator.CertificatePem);

        try
        {
            var output = await RunAsync(folder, "node", "client.js", Environment(project, certificatePath));

            using var result = JsonDocument.Parse(output);
            Assert.Equal(JsonValueKind.Null, result.RootElement.GetProperty("trackError").ValueKind);
            Assert.Equal(JsonValueKind.Null, result.RootElement.GetProperty("importErrors").ValueKind);
        }
        finally
        {
            File.Delete(certificatePath);
        }

        var events = fixture.Emulator.GetEvents(project.Token);
        var tracked = Assert.Single(events, stored => stored.Name == "Node Tracked");
        Assert.Equal("node-user", tracked.DistinctId);
        Assert.Equal("/track", tracked.Endpoint);
        var imported = events.Where(stored => stored.Name == "Node Imported").ToList();
        Assert.Equal(2, imported.Count);
        Assert.All(imported, stored => Assert.Equal("/import", stored.Endpoint));
        Assert.Contains(imported, stored => stored.GetProperty("note")?.GetString() == ">>>???");
    }

    private Dictionary<string, string> Environment(EmulatorProject project, string certificatePath) => new()
    {
        ["MIXPANEL_HOST"] = "127.0.0.1",
        ["MIXPANEL_PORT"] = fixture.Emulator.GetHttpsBaseAddress().Port
            .ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["MIXPANEL_TOKEN"] = project.Token,
        ["MIXPANEL_SECRET"] = project.ApiSecret!,
        ["NODE_EXTRA_CA_CERTS"] = certificatePath,
    };

    private static async Task EnsurePackagesAsync(string folder)
    {
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "mixpanel")))
        {
            await RunAsync(folder, "npm", "ci --no-audit --no-fund", new Dictionary<string, string>());
        }
    }

    private static async Task<string> RunAsync(
        string folder,
        string command,
        string arguments,
        Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(command, arguments)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        // The library sends through HTTPS_PROXY or HTTP_PROXY when set; traffic must stay on loopback.
        start.Environment.Remove("HTTPS_PROXY");
        start.Environment.Remove("HTTP_PROXY");
        start.Environment.Remove("https_proxy");
        start.Environment.Remove("http_proxy");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(CommandTimeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{command} {arguments} exited {process.ExitCode}: {await error}");
        return await output;
    }

    private static string FindNodeClientFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory);
             directory is not null;
             directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "NodeClient");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No NodeClient folder above {AppContext.BaseDirectory}.");
    }
}
