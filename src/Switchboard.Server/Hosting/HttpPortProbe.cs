using System.Net;
using System.Net.Sockets;

namespace Switchboard.Server.Hosting;

/// <summary>Binds the HTTP address for a moment before Kestrel does, so a taken or foreign address fails quietly.</summary>
internal static class HttpPortProbe
{
    /// <exception cref="SocketException">The address cannot be bound (in use, not this machine's, not permitted).</exception>
    public static void ThrowIfTaken(IPEndPoint endPoint)
    {
        if (endPoint.Port == 0)
        {
            return;
        }

        // .NET sets SO_REUSEADDR on Unix, as Kestrel's socket has it: a listener holds the port, TIME_WAIT does not.
        using var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(endPoint);
    }
}
