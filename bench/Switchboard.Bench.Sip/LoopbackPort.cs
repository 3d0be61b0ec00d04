using System.Net;
using System.Net.Sockets;

namespace Switchboard.Bench.Sip;

/// <summary>Free UDP ports on 127.0.0.1 for the SIPp processes to bind.</summary>
internal static class LoopbackPort
{
    public static int FreeUdp()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
