using System.Net;
using System.Net.Sockets;

namespace MixpanelSync.Testing.Processes;

/// <summary>Finds TCP ports on the loopback interface that nothing listens on.</summary>
public static class FreePorts
{
    /// <summary>Returns a port that was free a moment ago; another process may still take it before use.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
