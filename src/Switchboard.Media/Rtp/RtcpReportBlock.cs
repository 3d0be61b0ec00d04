namespace Switchboard.Media.Rtp;

/// <summary>
/// One reception report block (RFC 3550 §6.4.1): how one receiver hears one source.
/// </summary>
/// <param name="Ssrc">The source the block is about.</param>
/// <param name="FractionLost">Packets lost since the previous report, as a fraction of 256.</param>
/// <param name="CumulativeLost">Packets lost since reception began (24-bit signed: duplicates can make it negative).</param>
/// <param name="ExtendedHighestSequence">The highest sequence number received, with 16 bits of wrap count above it.</param>
/// <param name="Jitter">Interarrival jitter in timestamp units (§6.4.1, computed as in §A.8).</param>
/// <param name="LastSenderReport">The middle 32 bits of the NTP timestamp of the last SR received from the source, or 0.</param>
/// <param name="DelaySinceLastSenderReport">The time since that SR, in 1/65536 s, or 0.</param>
public readonly record struct RtcpReportBlock(
    uint Ssrc,
    byte FractionLost,
    int CumulativeLost,
    uint ExtendedHighestSequence,
    uint Jitter,
    uint LastSenderReport,
    uint DelaySinceLastSenderReport)
{
    public const int Length = 24;
}
