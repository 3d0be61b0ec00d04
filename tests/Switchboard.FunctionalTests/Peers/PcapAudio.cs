using System.Buffers.Binary;

namespace Switchboard.FunctionalTests.Peers;

/// <summary>
/// Reads the RTP payloads out of a classic libpcap capture of Ethernet / IPv4 / UDP / RTP packets (such as
/// SIPp's <c>g711a.pcap</c>), with the test's own parsing, so a callee can speak that audio from its own socket.
/// </summary>
internal static class PcapAudio
{
    /// <summary>Every packet's RTP payload (the bytes after the 12-byte fixed header and any CSRCs), in capture order.</summary>
    public static List<byte[]> RtpPayloads(string path)
    {
        var file = File.ReadAllBytes(path);
        Assert.Equal(0xA1B2C3D4u, BinaryPrimitives.ReadUInt32LittleEndian(file));
        var payloads = new List<byte[]>();
        for (var offset = 24; offset + 16 <= file.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset + 8));
            var frame = file.AsSpan(offset + 16, length);
            offset += 16 + length;
            var ip = frame[14..];
            var udp = ip[((ip[0] & 0x0F) * 4)..];
            var rtp = udp[8..];
            var header = 12 + ((rtp[0] & 0x0F) * 4);
            payloads.Add(rtp[header..].ToArray());
        }

        return payloads;
    }
}
