using System.Net;
using System.Net.Sockets;

namespace MixpanelSync.Testing.Processes;

/// <summary>
/// Hands out TCP ports on the loopback interface that nothing listens on, for servers a test starts in
/// another process.
/// </summary>
/// <remarks>
/// Ports come from below Linux's default ephemeral range (32768 to 60999). A port the kernel picks for port 0
/// is an ephemeral one, and an outgoing connection of a parallel test can take it before the child process
/// binds it. Each test process starts at its own offset, and no port is handed out twice in one process.
/// </remarks>
public static class FreePorts
{
    private const int FirstPort = 15000;
    private const int LastPort = 32000;

    private static readonly Lock Gate = new();
    private static int _next = FirstPort + (Environment.ProcessId * 97 % (LastPort - FirstPort));

    /// <summary>Returns a port that was free a moment ago and that this process has not handed out before.</summary>
    /// <exception cref="InvalidOperationException">Every port of the range is in use or was handed out.</exception>
    public static int Next()
    {
        lock (Gate)
        {
            for (var tried = 0; tried < LastPort - FirstPort; tried++)
            {
                var port = _next;
                _next = _next + 1 >= LastPort ? FirstPort : _next + 1;
                if (IsFree(port))
                {
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"No free loopback port between {FirstPort} and {LastPort}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
