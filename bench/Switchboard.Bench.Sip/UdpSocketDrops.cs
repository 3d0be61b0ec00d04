using System.Globalization;

namespace Switchboard.Bench.Sip;

/// <summary>
/// How many datagrams the kernel dropped at a UDP socket on 127.0.0.1 because its receive buffer was full: the
/// <c>drops</c> column of <c>/proc/net/udp</c> (proc(5)). A drop costs the sender a retransmission after T1.
/// </summary>
internal static class UdpSocketDrops
{
    /// <summary>The drops at the socket bound to 127.0.0.1:<paramref name="port"/>; -1 when no such socket is open.</summary>
    public static long Read(int port)
    {
        // local_address is the address and port in hexadecimal, the address as the kernel stores it (little-endian).
        var local = $"0100007F:{port:X4}";
        foreach (var line in File.ReadLines("/proc/net/udp").Skip(1))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 12 && fields[1] == local)
            {
                return long.Parse(fields[^1], CultureInfo.InvariantCulture);
            }
        }

        return -1;
    }
}
