using System.Buffers.Binary;

namespace Switchboard.Media.Rtp;

/// <summary>
/// Reads a compound RTCP packet with the validity checks of RFC 3550 §A.2: version 2 throughout, an SR or
/// RR first, padding only in the last packet (never the first), and packet lengths that add up exactly to the datagram.
/// Keeps the sender information and the report block about us; skips SDES, APP and unknown types.
/// </summary>
public static class RtcpReader
{
    public static bool TryRead(ReadOnlySpan<byte> compound, uint localSsrc, out RtcpSummary summary)
    {
        summary = default;
        if (compound.Length < 8 || (compound[1] != RtcpPacketType.SenderReport && compound[1] != RtcpPacketType.ReceiverReport))
        {
            return false;
        }

        var first = true;
        uint senderSsrc = 0;
        RtcpSenderInfo? senderInfo = null;
        RtcpReportBlock? aboutUs = null;
        var goodbye = false;
        while (compound.Length > 0)
        {
            if (compound.Length < 4 || compound[0] >> 6 != 2)
            {
                return false;
            }

            var length = (BinaryPrimitives.ReadUInt16BigEndian(compound[2..]) + 1) * 4;
            var padded = (compound[0] & 0x20) != 0;
            // §A.2: only the last packet may be padded, and never the first (a report must lead the compound).
            if (length > compound.Length || (padded && (first || length != compound.Length)))
            {
                return false;
            }

            var packet = compound[..length];
            var count = compound[0] & 0x1F;
            switch (packet[1])
            {
                case RtcpPacketType.SenderReport when packet.Length >= 28:
                    senderSsrc = first ? BinaryPrimitives.ReadUInt32BigEndian(packet[4..]) : senderSsrc;
                    senderInfo ??= new RtcpSenderInfo(
                        BinaryPrimitives.ReadUInt64BigEndian(packet[8..]),
                        BinaryPrimitives.ReadUInt32BigEndian(packet[16..]),
                        BinaryPrimitives.ReadUInt32BigEndian(packet[20..]),
                        BinaryPrimitives.ReadUInt32BigEndian(packet[24..]));
                    aboutUs ??= FindBlock(packet[28..], count, localSsrc);
                    break;
                case RtcpPacketType.ReceiverReport when packet.Length >= 8:
                    senderSsrc = first ? BinaryPrimitives.ReadUInt32BigEndian(packet[4..]) : senderSsrc;
                    aboutUs ??= FindBlock(packet[8..], count, localSsrc);
                    break;
                case RtcpPacketType.SenderReport or RtcpPacketType.ReceiverReport:
                    return false;
                case RtcpPacketType.Goodbye:
                    goodbye = true;
                    break;
                default:
                    break;
            }

            first = false;
            compound = compound[length..];
        }

        summary = new RtcpSummary(senderSsrc, senderInfo, aboutUs, goodbye);
        return true;
    }

    private static RtcpReportBlock? FindBlock(ReadOnlySpan<byte> blocks, int count, uint ssrc)
    {
        for (var i = 0; i < count && blocks.Length >= RtcpReportBlock.Length; i++, blocks = blocks[RtcpReportBlock.Length..])
        {
            if (BinaryPrimitives.ReadUInt32BigEndian(blocks) != ssrc)
            {
                continue;
            }

            var lost = BinaryPrimitives.ReadUInt32BigEndian(blocks[4..]);

            // The cumulative count is 24-bit two's complement: shift up and back to extend the sign.
            return new RtcpReportBlock(
                ssrc,
                (byte)(lost >> 24),
                (int)(lost << 8) >> 8,
                BinaryPrimitives.ReadUInt32BigEndian(blocks[8..]),
                BinaryPrimitives.ReadUInt32BigEndian(blocks[12..]),
                BinaryPrimitives.ReadUInt32BigEndian(blocks[16..]),
                BinaryPrimitives.ReadUInt32BigEndian(blocks[20..]));
        }

        return null;
    }
}
