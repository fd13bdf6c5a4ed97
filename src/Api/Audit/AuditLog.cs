using System.Security.Claims;
using MixpanelSync.Api.Authentication;

namespace MixpanelSync.Api.Audit;

/// <summary>Writes audit entries for the endpoints. A failed write is logged and does not fail the request.</summary>
internal sealed class AuditLog(IGrainFactory grains, TimeProvider time, ILogger<AuditLog> logger)
{
    public async Task RecordAsync(
        string brandId,
        ClaimsPrincipal user,
        string action,
        bool succeeded,
        string detail)
    {
        var entry = new AuditEntry(time.GetUtcNow(), user.GetActor(), action, succeeded, detail);
        try
        {
            await grains.GetGrain<IBrandAuditGrain>(brandId).AppendAsync(entry);
        }
        catch (Exception exception) when (exception is OrleansException or TimeoutException)
        {
            // The action already took effect; failing the request now would invite a retry that repeats it.
            Log.AuditWriteFailed(logger, exception, brandId, action);
        }
    }
}
