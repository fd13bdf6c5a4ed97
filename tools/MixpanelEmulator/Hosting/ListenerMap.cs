namespace MixpanelSync.MixpanelEmulator;

/// <summary>
/// The six listeners (HTTP and HTTPS for each residency) and the lookup from a connection's local port.
/// </summary>
internal sealed class ListenerMap
{
    private static readonly EmulatorResidency[] Residencies =
        [EmulatorResidency.Us, EmulatorResidency.Eu, EmulatorResidency.India];

    public ListenerMap(int basePort)
    {
        var listeners = new List<ListenerInfo>();
        foreach (var isHttps in new[] { false, true })
        {
            foreach (var residency in Residencies)
            {
                var listener = new ListenerInfo(residency, isHttps)
                {
                    Port = basePort == 0 ? 0 : basePort + listeners.Count,
                };
                listeners.Add(listener);
            }
        }

        All = listeners;
    }

    public IReadOnlyList<ListenerInfo> All { get; }

    /// <summary>Copies the ports Kestrel bound, which resolves listeners configured with port 0.</summary>
    public void ReadBoundPorts()
    {
        foreach (var listener in All)
        {
            listener.Port = listener.Binding?.IPEndPoint?.Port ?? listener.Port;
        }
    }

    public ListenerInfo Get(EmulatorResidency residency, bool isHttps) =>
        All.First(listener => listener.Residency == residency && listener.IsHttps == isHttps);

    /// <summary>Returns the listener that accepted the request's connection.</summary>
    public ListenerInfo Resolve(HttpContext context)
    {
        var port = context.Connection.LocalPort;
        foreach (var listener in All)
        {
            if (listener.Port == port)
            {
                return listener;
            }
        }

        return All[0];
    }
}
