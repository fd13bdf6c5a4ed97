namespace MixpanelSync.Api.Alerts;

/// <summary>Why an alert is sent.</summary>
[GenerateSerializer]
[Alias("mixpanel-sync.alert-kind")]
public enum AlertKind
{
    /// <summary>The brand entered the error state: Mixpanel rejected its credentials and runs are paused.</summary>
    EnteredError,

    /// <summary>The brand entered the degraded state: a run failed or had rejected events.</summary>
    EnteredDegraded,

    /// <summary>The brand left the error or degraded state and is connected again.</summary>
    Recovered,
}
