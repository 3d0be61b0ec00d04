using System.Buffers.Binary;

namespace Switchboard.FunctionalTests.Peers;

/// <summary>
/// Writes audio as a classic libpcap file of RTP/UDP/IPv4/Ethernet packets, 20 ms of G.711 A-law (payload type
/// 8) each, timestamped 20 ms apart, for SIPp's <c>play_pcap_audio</c> to replay at that pace. The A-law encoder
/// is the test's own (ITU-T G.711), not the server's.
/// </summary>
internal static class RtpCapture
{
    private const int FrameSamples = 160;
    private const int Headers = 14 + 20 + 8 + 12;

    /// <summary>Writes <paramref name="samples"/> (8 kHz, 16-bit) to a new temporary file and returns its path.</summary>
    public static string WriteALaw(short[] samples)
    {
        var path = Path.Combine(Path.GetTempPath(), $"switchboard-{Guid.NewGuid():N}.pcap");
        using var file = File.Create(path);
        Span<byte> header = stackalloc byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0xA1B2C3D4);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 4);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 65535);
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], 1);
        file.Write(header);

        var packet = new byte[16 + Headers + FrameSamples];
        for (var frame = 0; frame * FrameSamples < samples.Length; frame++)
        {
            var micros = frame * 20_000L;
            var p = packet.AsSpan();
            BinaryPrimitives.WriteUInt32LittleEndian(p, (uint)(micros / 1_000_000));
            BinaryPrimitives.WriteUInt32LittleEndian(p[4..], (uint)(micros % 1_000_000));
            BinaryPrimitives.WriteUInt32LittleEndian(p[8..], Headers + FrameSamples);
            BinaryPrimitives.WriteUInt32LittleEndian(p[12..], Headers + FrameSamples);
            var ethernet = p[16..];
            ethernet[..12].Fill(0x02);
            BinaryPrimitives.WriteUInt16BigEndian(ethernet[12..], 0x0800);
            var ip = ethernet[14..];
            ip[0] = 0x45;
            ip[1] = 0;
            BinaryPrimitives.WriteUInt16BigEndian(ip[2..], 20 + 8 + 12 + FrameSamples);
            BinaryPrimitives.WriteUInt16BigEndian(ip[4..], (ushort)frame);
            BinaryPrimitives.WriteUInt16BigEndian(ip[6..], 0);
            ip[8] = 64;
            ip[9] = 17;
            BinaryPrimitives.WriteUInt16BigEndian(ip[10..], 0);
            ip[12..16].Fill(0);
            ip[12] = 127;
            ip[15] = 1;
            ip[16..20].Fill(0);
            ip[16] = 127;
            ip[19] = 1;
            BinaryPrimitives.WriteUInt16BigEndian(ip[10..], Checksum(ip[..20]));
            var udp = ip[20..];
            BinaryPrimitives.WriteUInt16BigEndian(udp, 40000);
            BinaryPrimitives.WriteUInt16BigEndian(udp[2..], 40002);
            BinaryPrimitives.WriteUInt16BigEndian(udp[4..], 8 + 12 + FrameSamples);
            BinaryPrimitives.WriteUInt16BigEndian(udp[6..], 0);
            var rtp = udp[8..];
            rtp[0] = 0x80;
            rtp[1] = (byte)(frame == 0 ? 0x88 : 0x08);
            BinaryPrimitives.WriteUInt16BigEndian(rtp[2..], (ushort)(1000 + frame));
            BinaryPrimitives.WriteUInt32BigEndian(rtp[4..], (uint)(frame * FrameSamples));
            BinaryPrimitives.WriteUInt32BigEndian(rtp[8..], 0x5EC0DE01);
            for (var i = 0; i < FrameSamples; i++)
            {
                var index = (frame * FrameSamples) + i;
                rtp[12 + i] = EncodeALaw(index < samples.Length ? samples[index] : (short)0);
            }

            file.Write(packet);
        }

        return path;
    }

    /// <summary>ITU-T G.711 A-law: 13-bit magnitude into a 3-bit segment and 4-bit step, even bits inverted.</summary>
    public static byte EncodeALaw(short sample)
    {
        int value = sample >> 3;
        int mask;
        if (value >= 0)
        {
            mask = 0xD5;
        }
        else
        {
            mask = 0x55;
            value = -value - 1;
        }

        var segment = 0;
        while (segment < 8 && value > (0x20 << segment) - 1)
        {
            segment++;
        }

        if (segment >= 8)
        {
            return (byte)(0x7F ^ mask);
        }

        var step = segment < 2 ? (value >> 1) & 0x0F : (value >> segment) & 0x0F;
        return (byte)(((segment << 4) | step) ^ mask);
    }

    private static ushort Checksum(ReadOnlySpan<byte> header)
    {
        var sum = 0u;
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
