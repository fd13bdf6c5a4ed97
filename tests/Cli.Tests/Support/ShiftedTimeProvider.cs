namespace MixpanelSync.Cli.Tests.Support;

/// <summary>The system clock moved by a fixed offset.</summary>
internal sealed class ShiftedTimeProvider(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
}
