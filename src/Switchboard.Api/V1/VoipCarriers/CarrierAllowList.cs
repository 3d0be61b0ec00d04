using System.Net;

namespace Switchboard.Api.V1.VoipCarriers;

/// <summary>A carrier's inbound allow-list: addresses and CIDR blocks; an empty list allows every source.</summary>
public static class CarrierAllowList
{
    public static bool Allows(IReadOnlyList<string> allowList, IPAddress source)
    {
        if (allowList.Count == 0)
        {
            return true;
        }

        // A dual-stack socket reports IPv4 peers as ::ffff:a.b.c.d; the list names them as a.b.c.d.
        var address = source.IsIPv4MappedToIPv6 ? source.MapToIPv4() : source;
        foreach (var entry in allowList)
        {
            if (entry.Contains('/', StringComparison.Ordinal)
                ? IPNetwork.TryParse(entry, out var network) && network.Contains(address)
                : IPAddress.TryParse(entry, out var allowed) && allowed.Equals(address))
            {
                return true;
            }
        }

        return false;
    }
}
