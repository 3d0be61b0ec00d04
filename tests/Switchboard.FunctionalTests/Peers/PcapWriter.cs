using System.Buffers.Binary;
using System.Net;

namespace Switchboard.FunctionalTests.Peers;

/// <summary>
/// Writes UDP datagrams as a classic libpcap capture (the format SIPp's <c>play_pcap_audio</c> replays):
/// a global header, then per packet a record header and an Ethernet II / IPv4 / UDP frame.
/// </summary>
internal static class PcapWriter
{
    private const int EthernetLength = 14;
    private const int Ipv4Length = 20;
    private const int UdpLength = 8;

    public static byte[] Write(IReadOnlyList<(TimeSpan At, byte[] Payload)> datagrams, IPEndPoint source, IPEndPoint destination)
    {
        using var stream = new MemoryStream();
        Span<byte> header = stackalloc byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0xA1B2C3D4);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 4);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 65535);
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], 1); // LINKTYPE_ETHERNET
        stream.Write(header);
        Span<byte> record = stackalloc byte[16];
        ushort identification = 1;
        foreach (var (at, payload) in datagrams)
        {
            var frame = Frame(payload, source, destination, identification++);
            var microseconds = (long)(at.TotalMilliseconds * 1000);
            BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)(microseconds / 1_000_000));
            BinaryPrimitives.WriteUInt32LittleEndian(record[4..], (uint)(microseconds % 1_000_000));
            BinaryPrimitives.WriteUInt32LittleEndian(record[8..], (uint)frame.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(record[12..], (uint)frame.Length);
            stream.Write(record);
            stream.Write(frame);
        }

        return stream.ToArray();
    }

    private static byte[] Frame(byte[] payload, IPEndPoint source, IPEndPoint destination, ushort identification)
    {
        var frame = new byte[EthernetLength + Ipv4Length + UdpLength + payload.Length];
        var span = frame.AsSpan();

        // Locally administered MAC addresses; the replay does not look at them.
        span[..6].Fill(0x02);
        span[6..12].Fill(0x04);
        BinaryPrimitives.WriteUInt16BigEndian(span[12..], 0x0800);

        var ip = span.Slice(EthernetLength, Ipv4Length);
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(Ipv4Length + UdpLength + payload.Length));
        BinaryPrimitives.WriteUInt16BigEndian(ip[4..], identification);
        BinaryPrimitives.WriteUInt16BigEndian(ip[6..], 0x4000); // don't fragment
        ip[8] = 64;
        ip[9] = 17; // UDP
        source.Address.MapToIPv4().TryWriteBytes(ip[12..16], out _);
        destination.Address.MapToIPv4().TryWriteBytes(ip[16..20], out _);
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], HeaderChecksum(ip));

        // RFC 768: a zero UDP checksum means none was computed.
        var udp = span[(EthernetLength + Ipv4Length)..];
        BinaryPrimitives.WriteUInt16BigEndian(udp, (ushort)source.Port);
        BinaryPrimitives.WriteUInt16BigEndian(udp[2..], (ushort)destination.Port);
        BinaryPrimitives.WriteUInt16BigEndian(udp[4..], (ushort)(UdpLength + payload.Length));
        payload.CopyTo(udp[UdpLength..]);
        return frame;
    }

    /// <summary>RFC 791 §3.1: the ones' complement of the ones' complement sum of the header's 16-bit words.</summary>
    private static ushort HeaderChecksum(ReadOnlySpan<byte> header)
    {
        uint sum = 0;
        for (var i = 0; i < header.Length; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(header[i..]);
        }

        while (sum > 0xFFFF)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }

        return (ushort)~sum;
    }
}
