using System.Globalization;

namespace Switchboard.Bench.Media;

/// <summary>
/// Datagrams the kernel dropped because a socket's receive buffer was full, summed over one process's IPv4 UDP
/// sockets whose local port matches: the <c>drops</c> column of /proc/net/udp (proc(5)), for the socket inodes
/// the process holds in /proc/PID/fd (other programs on the machine may bind the same ports). It tells a loss
/// at the far ends' receivers apart from a loss at the relay's own sockets. A socket closed in between takes its
/// count with it, so read it while the sockets are open.
/// </summary>
internal static class UdpDrops
{
    public static long Count(int processId, Func<int, bool> localPort)
    {
        var sockets = SocketInodes(processId);
        long drops = 0;
        foreach (var line in File.ReadLines("/proc/net/udp").Skip(1))
        {
            // "sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ref pointer
            // drops", the local address as hex "0100007F:4E20".
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var port = int.Parse(fields[1].AsSpan(fields[1].IndexOf(':') + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (localPort(port) && sockets.Contains(long.Parse(fields[9], CultureInfo.InvariantCulture)))
            {
                drops += long.Parse(fields[^1], CultureInfo.InvariantCulture);
            }
        }

        return drops;
    }

    private static HashSet<long> SocketInodes(int processId)
    {
        var inodes = new HashSet<long>();
        foreach (var descriptor in Directory.EnumerateFiles($"/proc/{processId}/fd"))
        {
            // A socket descriptor links to "socket:[INODE]".
            var target = new FileInfo(descriptor).LinkTarget;
            if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal)
                && long.TryParse(target.AsSpan(8, target.Length - 9), CultureInfo.InvariantCulture, out var inode))
            {
                inodes.Add(inode);
            }
        }

        return inodes;
    }
}
