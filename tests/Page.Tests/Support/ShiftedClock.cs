namespace MixpanelSync.Page.Tests.Support;

/// <summary>
/// The system clock moved by <see cref="Offset"/>. The emulator runs on it, so that a test can make Mixpanel's
/// stand-in reject events as too far in the future, a rejection that the service's own checks do not catch.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
        set => Interlocked.Exchange(ref _offsetTicks, value.Ticks);
    }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
