using MixpanelSync.Events.Storage;
using MixpanelSync.GrainInterfaces.Integration;
using InsertIds = MixpanelSync.Mixpanel.InsertIds;
using MixpanelSync.MixpanelEmulator;
using MixpanelSync.Testing.Reconciliation;

namespace MixpanelSync.Grains.Tests.Support;

/// <summary>Steps that the cluster tests share: projects, connections, events, waiting and reconciliation.</summary>
internal sealed class SyncScenario(SyncClusterFixture fixture)
{
    public static readonly SyncSchedule Daily = SyncSchedule.Daily(2, "Europe/Oslo");

    public IBrandIntegrationGrain Brand(string brandId) => fixture.Client.GetGrain<IBrandIntegrationGrain>(brandId);

    /// <summary>Adds a project with a new token to the emulator that serves the residency.</summary>
    public string AddProject(MixpanelResidency residency = MixpanelResidency.Us, EmulatorRateLimit? rateLimit = null)
    {
        var token = NewId("token");
        var project = new EmulatorProject(token) { Residency = ToEmulator(residency), RateLimit = rateLimit };
        EmulatorOf(residency).AddProject(project);
        return token;
    }

    public MixpanelEmulatorHost EmulatorOf(MixpanelResidency residency) =>
        residency == MixpanelResidency.India ? fixture.SmallRequestEmulator : fixture.Emulator;

    public async Task<(string BrandId, string Token, IBrandIntegrationGrain Brand)> ConnectAsync(
        string? brandId = null,
        string? token = null,
        MappingSettings? mapping = null,
        MixpanelResidency residency = MixpanelResidency.Us)
    {
        brandId ??= NewId("brand");
        token ??= AddProject(residency);
        var brand = Brand(brandId);
        var result = await brand.ConnectAsync(new ConnectRequest(token, residency, Daily, Mapping: mapping));
        Assert.True(result.Succeeded, result.Message);
        return (brandId, token, brand);
    }

    public async Task<List<SourceEvent>> AppendAsync(string brandId, List<SourceEvent> events)
    {
        await fixture.Store.AppendAsync(brandId, events.Select(source => source.Event).ToList());
        return events;
    }

    public Task<List<SourceEvent>> AppendMixedAsync(string brandId, int count, int invalidEvery) =>
        AppendAsync(brandId, TestEvents.Mixed(count, invalidEvery));

    /// <summary>Waits until no run is in progress and one has finished.</summary>
    public static async Task<IntegrationStatus> WaitForRunAsync(IBrandIntegrationGrain brand, int timeoutSeconds = 60)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(timeoutSeconds);
        while (DateTime.UtcNow < deadline)
        {
            var status = await brand.GetStatusAsync();
            if (status.CurrentRun is null && status.LastRun is not null)
            {
                return status;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"The run did not finish within {timeoutSeconds} seconds.");
    }

    public async Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(string brandId) =>
        await fixture.Store.ListDeadLettersAsync(brandId, DeadLetterFilter.All, 0, int.MaxValue);

    public async Task<Dictionary<string, long>> SequencesByEventIdAsync(string brandId)
    {
        var stored = await fixture.Store.ReadPageAsync(brandId, 0, long.MaxValue, int.MaxValue);
        return stored.ToDictionary(e => e.Event.EventId, e => e.Sequence, StringComparer.Ordinal);
    }

    /// <summary>
    /// Asserts that the brand's runs delivered every valid event once and dead-lettered the rest once.
    /// </summary>
    public async Task AssertReconciledAsync(
        string brandId,
        string token,
        IReadOnlyList<SourceEvent> events,
        MixpanelResidency residency = MixpanelResidency.Us)
    {
        var sequences = await SequencesByEventIdAsync(brandId);
        var runs = await Brand(brandId).ListRunsAsync(500);
        var deadLetters = await ListDeadLettersAsync(brandId);

        Reconciliation.AssertReconciled(
            events.Where(source => source.Valid).Select(source => InsertIdOf(brandId, source)).ToList(),
            events.Where(source => !source.Valid).Select(source => sequences[source.Event.EventId]).ToList(),
            EmulatorOf(residency).GetDeduplicatedEvents(token).Select(e => e.InsertId).ToList(),
            deadLetters.Select(letter => (letter.Sequence, letter.Reason)).ToList(),
            runs.Sum(run => run.EventsImported),
            runs.Sum(run => run.EventsRejected));
    }

    /// <summary>
    /// Asserts the reconciliation of several brands that share one project: the project's deduplicated view
    /// contains exactly their valid events, and each brand's runs and dead letters account for its own events.
    /// </summary>
    public async Task AssertProjectReconciledAsync(
        string token,
        IEnumerable<(string BrandId, List<SourceEvent> Events)> brands)
    {
        var validIds = new List<string>();
        var invalidSequences = new List<long>();
        var deadLetters = new List<(long Sequence, string Reason)>();
        long imported = 0;
        long rejected = 0;
        foreach (var (brandId, events) in brands)
        {
            var sequences = await SequencesByEventIdAsync(brandId);
            var runs = await Brand(brandId).ListRunsAsync(500);
            validIds.AddRange(events.Where(source => source.Valid).Select(source => InsertIdOf(brandId, source)));
            invalidSequences.AddRange(
                events.Where(source => !source.Valid).Select(source => sequences[source.Event.EventId]));
            deadLetters.AddRange(
                (await ListDeadLettersAsync(brandId)).Select(letter => (letter.Sequence, letter.Reason)));
            imported += runs.Sum(run => run.EventsImported);
            rejected += runs.Sum(run => run.EventsRejected);
        }

        Reconciliation.AssertReconciled(
            validIds,
            invalidSequences,
            fixture.Emulator.GetDeduplicatedEvents(token).Select(e => e.InsertId).ToList(),
            deadLetters,
            imported,
            rejected);
    }

    public static string InsertIdOf(string brandId, SourceEvent source) =>
        InsertIds.Create(brandId, source.Event.EventId);

    public static string NewId(string prefix) => $"{prefix}{Guid.NewGuid():N}";

    private static EmulatorResidency ToEmulator(MixpanelResidency residency) => residency switch
    {
        MixpanelResidency.Eu => EmulatorResidency.Eu,
        MixpanelResidency.India => EmulatorResidency.India,
        _ => EmulatorResidency.Us,
    };
}
