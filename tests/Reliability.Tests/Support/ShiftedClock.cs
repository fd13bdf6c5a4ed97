namespace MixpanelSync.Reliability.Tests.Support;

/// <summary>The system clock moved by <see cref="Offset"/>, which tests change while it runs.</summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    /// <summary>How far this clock is ahead of the system clock; negative when behind.</summary>
    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
        set => Interlocked.Exchange(ref _offsetTicks, value.Ticks);
    }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
