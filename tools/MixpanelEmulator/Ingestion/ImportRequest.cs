namespace MixpanelSync.MixpanelEmulator;

/// <summary>An authenticated /import request on its way through the pipeline.</summary>
internal sealed record ImportRequest(
    HttpContext Context,
    ImportPrincipal Principal,
    ListenerInfo Listener,
    ImportMode Mode,
    ImportResponder Responder,
    bool WrongResidency);
