using System.Net;
using System.Net.Sockets;

namespace Switchboard.FunctionalTests.Peers;

/// <summary>Finds loopback UDP ports nobody uses, for peers that need a port number on their command line.</summary>
internal static class FreePort
{
    private static int _next = 41000 + (Environment.ProcessId % 2000) * 4;

    /// <summary>An even UDP port whose odd neighbour is free too (RTP and RTCP).</summary>
    public static int Udp()
    {
        while (true)
        {
            var port = Interlocked.Add(ref _next, 2);
            if (port > 60000)
            {
                Interlocked.Exchange(ref _next, 41000);
                continue;
            }

            if (IsFree(port) && IsFree(port + 1))
            {
                return port;
            }
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
