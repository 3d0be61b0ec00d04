using System.Net;
using System.Net.Sockets;

namespace Switchboard.Server.Tests.Process;

/// <summary>
/// Ports the OS says are free, for servers a test starts: fixed ports would collide with ephemeral ones, which the
/// OS hands out from a range that covers this project's.
/// </summary>
internal static class FreePorts
{
    public static int Tcp()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
