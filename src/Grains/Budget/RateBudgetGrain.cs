using Microsoft.Extensions.Options;
using MixpanelSync.GrainInterfaces.Budget;
using MixpanelSync.Grains.Diagnostics;
using MixpanelSync.Grains.Hosting;

namespace MixpanelSync.Grains.Budget;

/// <summary>
/// One Mixpanel project's shared rate budget; see <see cref="RollingBudget"/>. In memory only: after a
/// deactivation the window starts empty.
/// </summary>
internal sealed class RateBudgetGrain(IOptions<RateBudgetOptions> options, SyncClock clock, GrainMetrics metrics)
    : Grain, IRateBudgetGrain
{
    private readonly RollingBudget _budget = new(options.Value);

    private string ProjectKey => this.GetPrimaryKeyString();

    public Task<BudgetGrant> AcquireAsync(long bytes, int events)
    {
        var grant = _budget.Acquire(clock.Time.GetUtcNow(), bytes, events);
        if (grant.Granted)
        {
            metrics.BudgetGranted(ProjectKey, events, bytes);
        }
        else
        {
            metrics.BudgetWait(ProjectKey);
        }

        RecordUse();
        return Task.FromResult(grant);
    }

    public Task ReleaseAsync(long grantId)
    {
        _budget.Release(clock.Time.GetUtcNow(), grantId);
        RecordUse();
        return Task.CompletedTask;
    }

    public Task ReportThrottledAsync()
    {
        _budget.ReportThrottled(clock.Time.GetUtcNow());
        metrics.ThrottleReported(ProjectKey);
        RecordUse();
        return Task.CompletedTask;
    }

    public Task<RateBudgetSnapshot> GetSnapshotAsync() => Task.FromResult(_budget.Snapshot(clock.Time.GetUtcNow()));

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        metrics.ForgetBudget(ProjectKey);
        return Task.CompletedTask;
    }

    private void RecordUse() => metrics.RecordBudget(ProjectKey, _budget.EventsInWindow, _budget.EventLimit);
}
