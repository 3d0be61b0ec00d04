using System.Buffers.Text;

namespace Switchboard.Bench.Sip;

/// <summary>
/// How many datagrams the kernel dropped at a UDP socket on 127.0.0.1 because its receive buffer was full: the
/// <c>drops</c> column of <c>/proc/net/udp</c> (proc(5)). A drop costs the sender a retransmission after T1.
/// </summary>
/// <remarks>
/// The file lists every UDP socket on the machine, thousands while media tests run beside the bench, so it is read
/// into one reused buffer and searched as bytes: reading it must not add to the allocations the table reports.
/// </remarks>
internal static class UdpSocketDrops
{
    private static byte[] s_table = new byte[256 * 1024];

    /// <summary>The drops at the socket bound to 127.0.0.1:<paramref name="port"/>; -1 when no such socket is open.</summary>
    public static long Read(int port)
    {
        var table = ReadTable();

        // A socket's row has ": <local_address> <rem_address> ...", the address and port in hexadecimal and the
        // address as the kernel stores it (little-endian); the colon before it tells it from a rem_address.
        Span<byte> local = stackalloc byte[16];
        ": 0100007F:"u8.CopyTo(local);
        port.TryFormat(local[11..15], out _, "X4", null);
        local[15] = (byte)' ';
        var at = table.IndexOf(local);
        if (at < 0)
        {
            return -1;
        }

        var row = table[at..];
        var end = row.IndexOf((byte)'\n');
        row = (end < 0 ? row : row[..end]).TrimEnd((byte)' ');
        return Utf8Parser.TryParse(row[(row.LastIndexOf((byte)' ') + 1)..], out long drops, out _) ? drops : -1;
    }

    private static ReadOnlySpan<byte> ReadTable()
    {
        using var file = new FileStream("/proc/net/udp", FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
        var length = 0;
        int read;
        while ((read = file.Read(s_table, length, s_table.Length - length)) > 0)
        {
            length += read;
            if (length == s_table.Length)
            {
                Array.Resize(ref s_table, s_table.Length * 2);
            }
        }

        return s_table.AsSpan(0, length);
    }
}
