using System.Buffers.Binary;

namespace Switchboard.Media.Rtp;

/// <summary>
/// One RFC 4733 §2.3 telephone-event payload: event code, end bit, volume (0 to -63 dBm0, as a positive
/// number) and duration in timestamp units since the event began.
/// </summary>
public readonly record struct TelephoneEvent(byte Event, bool End, byte Volume, ushort Duration)
{
    /// <summary>The payload is exactly 4 octets (RFC 4733 §2.3, Figure 1).</summary>
    public const int Length = 4;

    /// <summary>Parses the payload; false when it is shorter than 4 octets.</summary>
    public static bool TryParse(ReadOnlySpan<byte> payload, out TelephoneEvent telephoneEvent)
    {
        if (payload.Length < Length)
        {
            telephoneEvent = default;
            return false;
        }

        telephoneEvent = new TelephoneEvent(
            payload[0],
            (payload[1] & 0x80) != 0,
            (byte)(payload[1] & 0x3F),
            BinaryPrimitives.ReadUInt16BigEndian(payload[2..]));
        return true;
    }

    /// <summary>Writes the 4-octet payload; returns false when <paramref name="destination"/> is too small.</summary>
    public bool TryWrite(Span<byte> destination)
    {
        if (destination.Length < Length)
        {
            return false;
        }

        destination[0] = Event;
        destination[1] = (byte)((End ? 0x80 : 0) | (Volume & 0x3F));
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], Duration);
        return true;
    }
}
