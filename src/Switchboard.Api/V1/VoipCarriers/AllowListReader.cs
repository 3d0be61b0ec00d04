using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Switchboard.Api.Problems;

namespace Switchboard.Api.V1.VoipCarriers;

/// <summary>
/// Reads <c>inbound_allow_list</c>: an array of IPv4/IPv6 addresses and CIDR blocks (<c>198.51.100.0/24</c>, host
/// bits zero). IPv4 must be written as four dotted numbers: <c>10.1</c>, which the OS parser would accept as
/// 10.0.0.1, is refused as the typo it almost always is.
/// </summary>
public static class AllowListReader
{
    public const int MaxEntries = 100;
    private const string Field = "inbound_allow_list";

    /// <exception cref="ValidationException">An entry, or the list itself, is invalid; the path names the entry.</exception>
    public static IReadOnlyList<string> Read(JsonElement body)
    {
        if (!body.TryGetProperty(Field, out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new ValidationException(Field, "must be an array of IP addresses or CIDR blocks");
        }

        if (list.GetArrayLength() > MaxEntries)
        {
            throw new ValidationException(Field, $"must have at most {MaxEntries} entries");
        }

        var entries = new List<string>();
        var index = 0;
        foreach (var entry in list.EnumerateArray())
        {
            var path = $"{Field}[{index++}]";
            var text = entry.ValueKind == JsonValueKind.String ? entry.GetString()!.Trim() : throw new ValidationException(path, "must be a string");
            entries.Add(IsAddressOrBlock(text) ? text : throw new ValidationException(path, "must be an IP address or a CIDR block with its host bits zero"));
        }

        return entries;
    }

    private static bool IsAddressOrBlock(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text : text[..slash];
        if (!IPAddress.TryParse(addressText, out var address)
            || (address.AddressFamily == AddressFamily.InterNetwork && addressText.Count(c => c == '.') != 3))
        {
            return false;
        }

        // The parser masks host bits off silently; a block written with them set is refused, since the writer
        // meant either the address alone or a different block.
        return slash < 0 || (IPNetwork.TryParse(text, out var block) && block.BaseAddress.Equals(address));
    }
}
