using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MixpanelSync.Events.Storage;
using MixpanelSync.GrainInterfaces.Delivery;
using MixpanelSync.GrainInterfaces.Integration;
using MixpanelSync.Grains.Diagnostics;
using MixpanelSync.Grains.Hosting;
using MixpanelSync.Mixpanel;

namespace MixpanelSync.Grains.Integration;

/// <summary>
/// One brand's integration. Runs execute as a background task on the grain's scheduler, so their turns
/// interleave with requests: status and disconnect answer during a run, and no caller waits for a run.
/// </summary>
internal sealed partial class BrandIntegrationGrain(
    [PersistentState("integration", MixpanelSyncGrains.StorageName)] IPersistentState<IntegrationState> persistentState,
    IEventStore store,
    MixpanelIngestionClient ingestionClient,
    MixpanelEventValidator validator,
    IOptions<MixpanelBatchOptions> batchOptions,
    SecretProtector protector,
    IOptions<MixpanelSyncOptions> options,
    SyncClock clock,
    GrainMetrics metrics,
    ILogger<BrandIntegrationGrain> logger) : Grain, IBrandIntegrationGrain, IRemindable
{
    private readonly SemaphoreSlim _saveGate = new(1, 1);

    // _stop ends a run at the next batch boundary, after the batches in flight. _abort also cancels those batches.
    private CancellationTokenSource? _stop;
    private CancellationTokenSource? _abort;
    private Task? _runTask;
    private bool _deactivating;

    // Set when deactivation stopped waiting for the run, which must then write nothing more.
    private bool _retired;

    private IntegrationState State => persistentState.State;

    private string BrandId => this.GetPrimaryKeyString();

    private MixpanelSyncOptions Settings => options.Value;

    private bool IsRunLoopActive => _runTask is { IsCompleted: false };

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State.ActiveRun is { } run)
        {
            LaunchRun(run, resumed: true);
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (!IsRunLoopActive)
        {
            return;
        }

        // Batches in flight are cancelled too, because the resumed run sends them again and Mixpanel deduplicates
        // them by $insert_id. The ActiveRun stays in state and resumes on the next activation.
        _deactivating = true;
        _stop?.Cancel();
        _abort?.Cancel();
        try
        {
            await _runTask!.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // NOTE: a store write already under way still completes; only the run's later writes are skipped.
            _retired = true;
            Log.RunAbandoned(logger, BrandId, State.ActiveRun?.RunId);
        }
    }

    public Task<IntegrationStatus> GetStatusAsync() => Task.FromResult(CreateStatus());

    public async Task<IReadOnlyList<RunSummary>> ListRunsAsync(int maxCount)
    {
        var runs = await store.ListRunsAsync(BrandId, Math.Clamp(maxCount, 1, 500));
        return runs.Select(RunRecords.ToSummary).ToList();
    }

    public async Task<IReadOnlyList<RejectedEventInfo>> ListRejectedEventsAsync(
        bool includeReplayed,
        long afterId,
        int maxCount)
    {
        var filter = includeReplayed ? DeadLetterFilter.All : DeadLetterFilter.Pending;
        var letters = await store.ListDeadLettersAsync(BrandId, filter, afterId, Math.Clamp(maxCount, 1, 1000));
        return letters.Select(letter => new RejectedEventInfo(
            letter.Id,
            letter.Sequence,
            letter.Event.EventId,
            letter.Event.Type,
            letter.Event.OccurredAt,
            letter.Reason,
            letter.Field,
            letter.RunId,
            letter.CreatedAt,
            letter.ReplayedAt,
            letter.Message)).ToList();
    }

    private IntegrationStatus CreateStatus()
    {
        var current = State.ActiveRun is { } run
            ? RunRecords.ToSummary(run, SyncOutcome.Running, endedAt: null, error: null)
            : null;

        return new IntegrationStatus(
            BrandId,
            State.State,
            State.StateReason,
            State.MaskedToken,
            State.Residency,
            State.Schedule,
            State.Mapping,
            State.ServiceAccountUsername is not null,
            State.ConnectedAt,
            State.State is ConnectionState.Error or ConnectionState.Disconnected ? null : State.NextDueAt,
            State.RetryAt,
            current,
            State.LastRun);
    }

    private async Task SaveAsync()
    {
        // A run's background turns and requests both write state; Orleans storage rejects overlapping writes.
        await _saveGate.WaitAsync();
        try
        {
            await persistentState.WriteStateAsync();
        }
        finally
        {
            _saveGate.Release();
        }
    }

    private MixpanelDestination CreateDestination() => new(
        State.Residency,
        State.ProtectedToken ?? throw new InvalidOperationException("The integration has no stored token."),
        State.ServiceAccountUsername,
        State.ProtectedServiceAccountSecret,
        State.ServiceAccountProjectId,
        State.ProjectKey!);

    /// <summary>
    /// Returns the rate budget key of a token: a SHA-256 hash, so the token never appears in a grain id.
    /// </summary>
    internal static string ProjectKeyOf(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)).AsSpan(0, 16));
}
