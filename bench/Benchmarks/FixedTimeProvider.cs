namespace MixpanelSync.Benchmarks;

/// <summary>A clock stopped at one instant, so that time checks give the same result in every run.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
