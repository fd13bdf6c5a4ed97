using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace MixpanelSync.MixpanelEmulator;

/// <summary>One loopback listener: the residency it stands for, its scheme and its bound port.</summary>
internal sealed record ListenerInfo(EmulatorResidency Residency, bool IsHttps)
{
    public int Port { get; set; }

    /// <summary>Kestrel's options of this listener; after start-up they hold the bound port.</summary>
    public ListenOptions? Binding { get; set; }

    /// <summary>Mixpanel's ingestion host of this residency, stored in events as $mp_api_endpoint.</summary>
    public string ApiHost => ResidencyHosts.Of(Residency);

    public Uri BaseAddress => new($"{(IsHttps ? "https" : "http")}://127.0.0.1:{Port}/");
}
