using System.Net;
using System.Net.Sockets;

namespace Switchboard.FunctionalTests.Peers;

/// <summary>Finds loopback UDP ports nobody uses, for peers that need a port number on their command line.</summary>
internal static class FreePort
{
    // Below the kernel's ephemeral range (32768+), where the OS hands out ports for sockets bound to 0 at any
    // moment, and below the 20000+ RTP blocks the test servers use.
    private const int Low = 10000;
    private const int High = 19996;

    // Blocks of four: SIPp's media port P also binds P+1 (RTCP) and P+2, P+3 (video).
    private const int Block = 4;

    private static int _next = Low + (Environment.ProcessId % 500 * 4 * Block);

    /// <summary>An even UDP port whose next three neighbours are free too (RTP, RTCP, and SIPp's video pair).</summary>
    public static int Udp()
    {
        while (true)
        {
            var port = Interlocked.Add(ref _next, Block);
            if (port > High)
            {
                Interlocked.CompareExchange(ref _next, Low, port);
                continue;
            }

            if (IsFree(port) && IsFree(port + 1) && IsFree(port + 2) && IsFree(port + 3))
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
