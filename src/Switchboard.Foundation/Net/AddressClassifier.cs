using System.Net;
using System.Net.Sockets;

namespace Switchboard.Foundation.Net;

/// <summary>The special-purpose address registries of RFC 6890 (IPv4 and IPv6) as a lookup on the address bytes.</summary>
internal static class AddressClassifier
{
    public static AddressScope Classify(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (!address.TryWriteBytes(bytes, out var length))
        {
            return AddressScope.Reserved;
        }

        return address.AddressFamily == AddressFamily.InterNetwork
            ? ClassifyV4(bytes[..length])
            : ClassifyV6(bytes[..length]);
    }

    private static AddressScope ClassifyV4(ReadOnlySpan<byte> a) => (a[0], a[1], a[2]) switch
    {
        (0, _, _) => AddressScope.Unspecified,
        (10, _, _) => AddressScope.Private,
        (100, >= 64 and <= 127, _) => AddressScope.Private,
        (127, _, _) => AddressScope.Loopback,
        (169, 254, _) => AddressScope.LinkLocal,
        (172, >= 16 and <= 31, _) => AddressScope.Private,
        (192, 168, _) => AddressScope.Private,
        (192, 0, 0) or (192, 0, 2) or (192, 88, 99) => AddressScope.Reserved,
        (198, 18 or 19, _) or (198, 51, 100) or (203, 0, 113) => AddressScope.Reserved,
        ( >= 224 and <= 239, _, _) => AddressScope.Multicast,
        ( >= 240, _, _) => AddressScope.Reserved,
        _ => AddressScope.Public,
    };

    private static AddressScope ClassifyV6(ReadOnlySpan<byte> a)
    {
        // Forms that carry an IPv4 address lead wherever that address leads (RFC 4291 §2.5.5.2 mapped,
        // RFC 6052 §2.1 NAT64 well-known prefix, RFC 3056 6to4): ::ffff:127.0.0.1 is loopback.
        if (a[..10].IndexOfAnyExcept((byte)0) < 0 && a[10] == 0xFF && a[11] == 0xFF)
        {
            return ClassifyV4(a[12..]);
        }

        if (a[0] == 0x00 && a[1] == 0x64 && a[2] == 0xFF && a[3] == 0x9B && a[4..12].IndexOfAnyExcept((byte)0) < 0)
        {
            return ClassifyV4(a[12..]);
        }

        if (a[0] == 0x20 && a[1] == 0x02)
        {
            return ClassifyV4(a[2..6]);
        }

        if (a[..15].IndexOfAnyExcept((byte)0) < 0)
        {
            return a[15] switch
            {
                0 => AddressScope.Unspecified,
                1 => AddressScope.Loopback,
                _ => AddressScope.Reserved,
            };
        }

        return a[0] switch
        {
            0xFF => AddressScope.Multicast,
            0xFE when (a[1] & 0xC0) == 0x80 => AddressScope.LinkLocal,
            0xFE when (a[1] & 0xC0) == 0xC0 => AddressScope.Private,
            0xFC or 0xFD => AddressScope.UniqueLocal,
            0x20 when a[1] == 0x01 && a[2] == 0x0D && a[3] == 0xB8 => AddressScope.Reserved,

            // Only 2000::/3 is global unicast (RFC 4291 §2.4); the rest (IPv4-compatible ::a.b.c.d, 100::/64, ...) is not.
            >= 0x20 and <= 0x3F => AddressScope.Public,
            _ => AddressScope.Reserved,
        };
    }
}
