using System.Diagnostics;
using System.Globalization;
using System.Text;
using MixpanelSync.GrainInterfaces.Integration;
using MixpanelSync.Grains.Tests.Support;
using MixpanelSync.Reliability.Tests.Support;

namespace MixpanelSync.Reliability.Tests.Soak;

/// <summary>
/// A bounded soak: many brands ingest and sync often against the emulator while it injects random faults, for
/// the minutes in <c>MIXPANELSYNC_SOAK_MINUTES</c>. Then the faults stop, every brand syncs until done, and each
/// brand is reconciled exactly. The report goes to <c>MIXPANELSYNC_SOAK_REPORT</c>, or standard output.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class SoakTests(ReliabilityClusterFixture fixture)
{
    private const int BrandCount = 16;
    private const int EventsPerRound = 400;

    private readonly MatrixSteps _steps = new(fixture);

    [SoakFact]
    public async Task Soak_RandomFaults_EveryBrandReconciles()
    {
        var minutes = double.Parse(
            Environment.GetEnvironmentVariable(SoakFactAttribute.MinutesVariable)!, CultureInfo.InvariantCulture);
        var random = new Random(ReliabilityClusterFixture.EmulatorSeed);
        var brands = new List<SoakBrand>();
        for (var i = 0; i < BrandCount; i++)
        {
            var (brandId, token, brand) = await _steps.Scenario.ConnectAsync();
            brands.Add(new SoakBrand(brandId, token, brand, []));
        }

        var clock = Stopwatch.StartNew();
        var deadline = TimeSpan.FromMinutes(minutes);
        var rounds = 0;
        while (clock.Elapsed < deadline)
        {
            rounds++;
            await Task.WhenAll(brands.Select(brand => RoundAsync(brand, rounds, random.Next())));
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        var soakTime = clock.Elapsed;
        foreach (var brand in brands)
        {
            fixture.Emulator.GetFaults(brand.Token).Clear();
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"soak: {BrandCount} brands, {rounds} rounds in {soakTime.TotalMinutes:0.0} min, then a final sync");
        report.AppendLine("brand  events  valid  runs  failed runs  retries  imported  rejected  result");
        var failures = 0;
        for (var i = 0; i < brands.Count; i++)
        {
            var brand = brands[i];

            // A run still going from the soak fixed its end before the last rounds were appended, so a new run
            // starts after it to send them.
            if ((await brand.Grain.GetStatusAsync()).CurrentRun is not null)
            {
                await SyncScenario.WaitForRunAsync(brand.Grain, timeoutSeconds: 120);
            }

            await MatrixSteps.SyncUntilDoneAsync(brand.Grain, maxRuns: 50);
            var runs = await brand.Grain.ListRunsAsync(500);
            string result;
            try
            {
                await _steps.AssertExactAsync(brand.BrandId, brand.Token, brand.Events, fixture.Emulator);
                result = "reconciled";
            }
            catch (Xunit.Sdk.XunitException exception)
            {
                failures++;
                result = "NOT RECONCILED: " + exception.Message.ReplaceLineEndings(" ");
            }

            report.AppendLine(CultureInfo.InvariantCulture,
                $"{i + 1,5}  {brand.Events.Count,6}  {brand.Events.Count(e => e.Valid),5}  {runs.Count,4}  " +
                $"{runs.Count(r => r.Outcome == SyncOutcome.Failed),11}  {runs.Sum(r => r.Retries),7}  " +
                $"{runs.Sum(r => r.EventsImported),8}  {runs.Sum(r => r.EventsRejected),8}  {result}");
        }

        report.AppendLine(CultureInfo.InvariantCulture,
            $"total: {brands.Sum(b => b.Events.Count)} events, {failures} brands not reconciled, " +
            $"{clock.Elapsed.TotalMinutes:0.0} min in all");
        await WriteReportAsync(report.ToString());
        Assert.Equal(0, failures);
    }

    /// <summary>Appends a round of events, sets new random faults and starts a run unless one is going.</summary>
    private async Task RoundAsync(SoakBrand brand, int round, int seed)
    {
        var random = new Random(seed);
        var faults = fixture.Emulator.GetFaults(brand.Token);
        faults.SetFailureRate(random.NextDouble() * 0.15, random.Next(2) == 0 ? 429 : 503);
        faults.SetLatency(TimeSpan.FromMilliseconds(random.Next(0, 30)));
        if (random.Next(10) == 0)
        {
            faults.DropConnectionAfterStoreNext(1);
        }

        if (random.Next(20) == 0)
        {
            faults.HangNext(1);
        }

        var events = TestEvents.Mixed(EventsPerRound, invalidEvery: 97, idPrefix: $"r{round}");
        brand.Events.AddRange(await _steps.Scenario.AppendAsync(brand.BrandId, events));
        var status = await brand.Grain.GetStatusAsync();
        if (status.CurrentRun is null)
        {
            await brand.Grain.SyncNowAsync();
        }
    }

    private static async Task WriteReportAsync(string report)
    {
        var path = Environment.GetEnvironmentVariable("MIXPANELSYNC_SOAK_REPORT");
        if (string.IsNullOrEmpty(path))
        {
            Console.WriteLine(report);
            return;
        }

        await File.WriteAllTextAsync(path, report);
    }

    private sealed record SoakBrand(
        string BrandId,
        string Token,
        IBrandIntegrationGrain Grain,
        List<SourceEvent> Events);
}
