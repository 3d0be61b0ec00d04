using System.Net;

namespace Switchboard.Sip.Transport;

/// <summary>
/// Counts inbound connections, in total and per source address, against <see cref="SipTcpLimits"/>. At a limit it
/// makes room by closing the newest idle connection in that scope: a peer opening connections in a loop then only
/// displaces its own latest ones, while older connections that carry calls stay. With none idle the new
/// connection is refused.
/// </summary>
internal sealed class TcpConnectionQuota(SipTcpLimits limits)
{
    private readonly Lock _gate = new();
    private readonly List<TcpSipConnection> _open = [];
    private readonly Dictionary<IPAddress, int> _perAddress = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _open.Count;
            }
        }
    }

    /// <summary>
    /// Admits the connection <paramref name="create"/> makes for <paramref name="remote"/>, or refuses it. Returns
    /// null when refused; <paramref name="evicted"/> is a connection taken out of the count to make room (the
    /// caller closes it), and <paramref name="limit"/> names the limit that was reached.
    /// </summary>
    public TcpSipConnection? TryAdmit(IPEndPoint remote, Func<TcpSipConnection> create, out TcpSipConnection? evicted, out string? limit)
    {
        var address = Normalize(remote.Address);
        evicted = null;
        limit = null;
        lock (_gate)
        {
            if (_perAddress.GetValueOrDefault(address) >= limits.MaxConnectionsPerAddress)
            {
                limit = $"{limits.MaxConnectionsPerAddress} per address";
                evicted = NewestIdle(address);
            }
            else if (_open.Count >= limits.MaxConnections)
            {
                limit = $"{limits.MaxConnections} in total";
                evicted = NewestIdle(null);
            }

            if (limit is not null && evicted is null)
            {
                return null;
            }

            if (evicted is not null)
            {
                RemoveLocked(evicted);
            }

            var connection = create();
            _open.Add(connection);
            _perAddress[address] = _perAddress.GetValueOrDefault(address) + 1;
            return connection;
        }
    }

    /// <summary>Takes a closed connection out of the count; nothing when it was not counted or already taken out.</summary>
    public void Release(TcpSipConnection connection)
    {
        lock (_gate)
        {
            RemoveLocked(connection);
        }
    }

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private TcpSipConnection? NewestIdle(IPAddress? address)
    {
        for (var i = _open.Count - 1; i >= 0; i--)
        {
            var candidate = _open[i];
            if ((address is null || Normalize(candidate.Remote.Address).Equals(address)) && candidate.IsIdle)
            {
                return candidate;
            }
        }

        return null;
    }

    private void RemoveLocked(TcpSipConnection connection)
    {
        if (!_open.Remove(connection))
        {
            return;
        }

        var address = Normalize(connection.Remote.Address);
        var left = _perAddress[address] - 1;
        if (left == 0)
        {
            _perAddress.Remove(address);
        }
        else
        {
            _perAddress[address] = left;
        }
    }
}
