using System.Buffers.Binary;

namespace Switchboard.Media.Tests.Support;

/// <summary>Reads the UDP payloads of a classic libpcap file with Ethernet framing and IPv4 (enough for the SIPp captures).</summary>
internal static class PcapReader
{
    public static IReadOnlyList<byte[]> ReadUdpPayloads(string path)
    {
        var data = File.ReadAllBytes(path);
        var magic = BinaryPrimitives.ReadUInt32LittleEndian(data);
        Assert.Equal(0xA1B2C3D4u, magic);
        Assert.Equal(1u, BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(20)));
        var payloads = new List<byte[]>();
        var offset = 24;
        while (offset + 16 <= data.Length)
        {
            var included = (int)BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(offset + 8));
            var frame = data.AsSpan(offset + 16, included);
            offset += 16 + included;
            if (BinaryPrimitives.ReadUInt16BigEndian(frame[12..]) != 0x0800)
            {
                continue;
            }

            var ip = frame[14..];
            var ipHeaderLength = (ip[0] & 0x0F) * 4;
            if (ip[9] != 17)
            {
                continue;
            }

            var udp = ip[ipHeaderLength..];
            var udpLength = BinaryPrimitives.ReadUInt16BigEndian(udp[4..]);
            payloads.Add(udp[8..udpLength].ToArray());
        }

        return payloads;
    }

    public static string DtmfCapture(string name) => $"/usr/share/sip-tester/dtmf_2833_{name}.pcap";
}
