namespace MixpanelSync.Reliability.Tests.Soak;

/// <summary>
/// A fact that runs only when <c>MIXPANELSYNC_SOAK_MINUTES</c> is set, as <c>scripts/soak.sh</c> does; the unit
/// test run skips it.
/// </summary>
public sealed class SoakFactAttribute : FactAttribute
{
    public const string MinutesVariable = "MIXPANELSYNC_SOAK_MINUTES";

    public SoakFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(MinutesVariable)))
        {
            Skip = $"A soak run; scripts/soak.sh runs it with {MinutesVariable} set.";
        }
    }
}
