namespace Switchboard.Media.Sessions;

/// <summary>A snapshot of a session's RTP and RTCP figures (RFC 3550 §6.4).</summary>
/// <param name="PacketsSent">RTP packets we sent.</param>
/// <param name="OctetsSent">RTP payload octets we sent.</param>
/// <param name="PacketsReceived">RTP packets accepted from the peer (its current SSRC).</param>
/// <param name="PacketsLost">The peer's packets we never received (expected minus received, §A.3).</param>
/// <param name="LossRatio">The share of the peer's packets lost since reception began (0 to 1).</param>
/// <param name="Jitter">Interarrival jitter of the peer's stream (§A.8).</param>
/// <param name="RefusedPackets">Datagrams refused for coming from another source than the latched one.</param>
/// <param name="MalformedPackets">Datagrams that were not valid RTP.</param>
/// <param name="Remote">How the peer says it receives our stream (its last report block about us), or null.</param>
/// <param name="RoundTripTime">From the peer's last report about us (LSR/DLSR, §6.4.1), or null.</param>
/// <param name="RtcpSent">RTCP compound packets we sent.</param>
/// <param name="RtcpReceived">Valid RTCP compound packets received from the peer.</param>
public sealed record MediaStatistics(
    long PacketsSent,
    long OctetsSent,
    long PacketsReceived,
    long PacketsLost,
    double LossRatio,
    TimeSpan Jitter,
    long RefusedPackets,
    long MalformedPackets,
    RemoteReception? Remote,
    TimeSpan? RoundTripTime,
    long RtcpSent,
    long RtcpReceived);
