namespace Switchboard.Media.Rtp;

/// <summary>The sender information of an SR (RFC 3550 §6.4.1): when it was sent, on both clocks, and what had been sent.</summary>
/// <param name="NtpTimestamp">Wallclock time of sending, 64-bit NTP format (seconds since 1900, 32.32 fixed point).</param>
/// <param name="RtpTimestamp">The same instant in the sender's RTP timestamp units.</param>
/// <param name="PacketCount">RTP packets sent since the stream began.</param>
/// <param name="OctetCount">Payload octets sent since the stream began (headers and padding excluded).</param>
public readonly record struct RtcpSenderInfo(ulong NtpTimestamp, uint RtpTimestamp, uint PacketCount, uint OctetCount)
{
    public const int Length = 20;

    /// <summary>The middle 32 bits of the NTP timestamp, as echoed in a report block's LSR field (§6.4.1).</summary>
    public uint CompactNtp => (uint)(NtpTimestamp >> 16);
}
