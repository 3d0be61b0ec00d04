using System.Buffers.Binary;

namespace Switchboard.Media.Rtp;

/// <summary>
/// The RTP fixed header (RFC 3550 §5.1) plus where the payload lies in the datagram it was parsed from.
/// Parsing never throws: a malformed datagram yields a <see cref="RtpParseStatus"/> saying why.
/// </summary>
public readonly struct RtpHeader
{
    /// <summary>The fixed part: V/P/X/CC, M/PT, sequence number, timestamp, SSRC.</summary>
    public const int FixedLength = 12;

    public RtpHeader(bool marker, byte payloadType, ushort sequenceNumber, uint timestamp, uint ssrc)
        : this(false, false, 0, marker, payloadType, sequenceNumber, timestamp, ssrc, FixedLength, 0)
    {
    }

    private RtpHeader(
        bool padding, bool extension, byte csrcCount, bool marker, byte payloadType, ushort sequenceNumber,
        uint timestamp, uint ssrc, int headerLength, int payloadLength)
    {
        Padding = padding;
        Extension = extension;
        CsrcCount = csrcCount;
        Marker = marker;
        PayloadType = payloadType;
        SequenceNumber = sequenceNumber;
        Timestamp = timestamp;
        Ssrc = ssrc;
        HeaderLength = headerLength;
        PayloadLength = payloadLength;
    }

    /// <summary>Always 2 for a parsed header.</summary>
    public byte Version => 2;

    public bool Padding { get; }

    public bool Extension { get; }

    public byte CsrcCount { get; }

    public bool Marker { get; }

    /// <summary>7 bits (RFC 3551 §6 assigns 0 PCMU, 8 PCMA; 96-127 are dynamic).</summary>
    public byte PayloadType { get; }

    public ushort SequenceNumber { get; }

    public uint Timestamp { get; }

    public uint Ssrc { get; }

    /// <summary>Bytes before the payload: fixed header, CSRC list and header extension.</summary>
    public int HeaderLength { get; }

    /// <summary>Payload bytes, excluding any padding.</summary>
    public int PayloadLength { get; }

    /// <summary>Parses the header of <paramref name="packet"/>; the payload is <c>packet.Slice(HeaderLength, PayloadLength)</c>.</summary>
    public static RtpParseStatus TryParse(ReadOnlySpan<byte> packet, out RtpHeader header)
    {
        header = default;
        if (packet.Length < FixedLength)
        {
            return RtpParseStatus.TooShort;
        }

        var first = packet[0];
        if (first >> 6 != 2)
        {
            return RtpParseStatus.BadVersion;
        }

        var padding = (first & 0x20) != 0;
        var extension = (first & 0x10) != 0;
        var csrcCount = (byte)(first & 0x0F);
        var headerLength = FixedLength + (csrcCount * 4);
        if (packet.Length < headerLength)
        {
            return RtpParseStatus.TruncatedHeader;
        }

        if (extension)
        {
            // RFC 3550 §5.3.1: 16-bit profile-defined value, 16-bit length in 32-bit words, then the words.
            if (packet.Length < headerLength + 4)
            {
                return RtpParseStatus.TruncatedHeader;
            }

            var words = BinaryPrimitives.ReadUInt16BigEndian(packet[(headerLength + 2)..]);
            headerLength += 4 + (words * 4);
            if (packet.Length < headerLength)
            {
                return RtpParseStatus.TruncatedHeader;
            }
        }

        var payloadLength = packet.Length - headerLength;
        if (padding)
        {
            // RFC 3550 §5.1: the last octet counts the padding octets, itself included.
            var padCount = packet[^1];
            if (padCount == 0 || padCount > payloadLength)
            {
                return RtpParseStatus.BadPadding;
            }

            payloadLength -= padCount;
        }

        header = new RtpHeader(
            padding,
            extension,
            csrcCount,
            (packet[1] & 0x80) != 0,
            (byte)(packet[1] & 0x7F),
            BinaryPrimitives.ReadUInt16BigEndian(packet[2..]),
            BinaryPrimitives.ReadUInt32BigEndian(packet[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(packet[8..]),
            headerLength,
            payloadLength);
        return RtpParseStatus.Success;
    }

    /// <summary>
    /// Writes a 12-byte fixed header (no padding, extension or CSRCs: we are never a mixer) and returns
    /// the bytes written, or 0 when <paramref name="destination"/> is too small.
    /// </summary>
    public int WriteTo(Span<byte> destination)
    {
        if (destination.Length < FixedLength)
        {
            return 0;
        }

        destination[0] = 0x80;
        destination[1] = (byte)((Marker ? 0x80 : 0) | (PayloadType & 0x7F));
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], SequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], Timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], Ssrc);
        return FixedLength;
    }
}
