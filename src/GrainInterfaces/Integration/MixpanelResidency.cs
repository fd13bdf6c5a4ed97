namespace MixpanelSync.GrainInterfaces.Integration;

/// <summary>The data residency of a Mixpanel project, which decides the ingestion host.</summary>
[GenerateSerializer]
[Alias("mixpanel-sync.residency")]
public enum MixpanelResidency
{
    /// <summary>United States, Mixpanel's default.</summary>
    Us,

    /// <summary>European Union.</summary>
    Eu,

    /// <summary>India.</summary>
    India,
}
