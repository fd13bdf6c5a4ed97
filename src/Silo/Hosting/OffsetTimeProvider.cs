namespace MixpanelSync.Silo.Hosting;

/// <summary>The system clock moved by a fixed offset, so that tests and demos can reach a schedule's time.</summary>
internal sealed class OffsetTimeProvider(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
