using System.Buffers.Binary;

namespace Switchboard.Media.Rtp;

/// <summary>
/// Writes the packets of an RTCP compound packet (RFC 3550 §6.1: a report first, then an SDES with the
/// CNAME, BYE last) into a span, allocation-free. Each method returns the bytes written, or 0 when the
/// span is too small.
/// </summary>
public static class RtcpWriter
{
    private const int HeaderLength = 4;

    /// <summary>An SR (§6.4.1): our sender information, then at most one report block.</summary>
    public static int WriteSenderReport(Span<byte> destination, uint ssrc, RtcpSenderInfo info, RtcpReportBlock? block)
    {
        var length = HeaderLength + 4 + RtcpSenderInfo.Length + (block is null ? 0 : RtcpReportBlock.Length);
        if (destination.Length < length)
        {
            return 0;
        }

        WriteHeader(destination, block is null ? 0 : 1, RtcpPacketType.SenderReport, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], info.NtpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], info.RtpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[20..], info.PacketCount);
        BinaryPrimitives.WriteUInt32BigEndian(destination[24..], info.OctetCount);
        if (block is { } b)
        {
            WriteBlock(destination[28..], b);
        }

        return length;
    }

    /// <summary>An RR (§6.4.2): at most one report block (an empty RR is legal and keeps the CNAME flowing).</summary>
    public static int WriteReceiverReport(Span<byte> destination, uint ssrc, RtcpReportBlock? block)
    {
        var length = HeaderLength + 4 + (block is null ? 0 : RtcpReportBlock.Length);
        if (destination.Length < length)
        {
            return 0;
        }

        WriteHeader(destination, block is null ? 0 : 1, RtcpPacketType.ReceiverReport, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        if (block is { } b)
        {
            WriteBlock(destination[8..], b);
        }

        return length;
    }

    /// <summary>An SDES with one chunk holding the CNAME (§6.5.1), null-terminated and padded to 32 bits.</summary>
    public static int WriteCname(Span<byte> destination, uint ssrc, ReadOnlySpan<byte> cname)
    {
        if (cname.Length is 0 or > 255)
        {
            throw new ArgumentOutOfRangeException(nameof(cname), "A CNAME is 1 to 255 octets.");
        }

        // Chunk: SSRC, item (type, length, text), a null item ending the list, padding to a 32-bit boundary.
        var chunk = 4 + 2 + cname.Length + 1;
        var length = HeaderLength + ((chunk + 3) & ~3);
        if (destination.Length < length)
        {
            return 0;
        }

        destination[..length].Clear();
        WriteHeader(destination, 1, RtcpPacketType.SourceDescription, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        destination[8] = RtcpPacketType.CnameItem;
        destination[9] = (byte)cname.Length;
        cname.CopyTo(destination[10..]);
        return length;
    }

    /// <summary>A BYE (§6.6) for our one source, without a reason.</summary>
    public static int WriteGoodbye(Span<byte> destination, uint ssrc)
    {
        const int Length = HeaderLength + 4;
        if (destination.Length < Length)
        {
            return 0;
        }

        WriteHeader(destination, 1, RtcpPacketType.Goodbye, Length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        return Length;
    }

    private static void WriteHeader(Span<byte> destination, int count, byte packetType, int length)
    {
        // §6.4.1: V=2, P=0, a 5-bit count, the type, and the length in 32-bit words minus one.
        destination[0] = (byte)(0x80 | count);
        destination[1] = packetType;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)((length / 4) - 1));
    }

    private static void WriteBlock(Span<byte> destination, RtcpReportBlock block)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, block.Ssrc);
        var lost = Math.Clamp(block.CumulativeLost, -0x800000, 0x7FFFFF) & 0xFFFFFF;
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ((uint)block.FractionLost << 24) | (uint)lost);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], block.ExtendedHighestSequence);
        BinaryPrimitives.WriteUInt32BigEndian(destination[12..], block.Jitter);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], block.LastSenderReport);
        BinaryPrimitives.WriteUInt32BigEndian(destination[20..], block.DelaySinceLastSenderReport);
    }
}
