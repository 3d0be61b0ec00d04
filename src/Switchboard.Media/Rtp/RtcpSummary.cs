namespace Switchboard.Media.Rtp;

/// <summary>What a compound RTCP packet from the peer says that we use.</summary>
/// <param name="SenderSsrc">The SSRC of the first report's sender.</param>
/// <param name="SenderInfo">The SR's sender information, or null for an RR.</param>
/// <param name="AboutUs">The report block about our SSRC, or null when there is none.</param>
/// <param name="Goodbye">The compound packet holds a BYE.</param>
public readonly record struct RtcpSummary(uint SenderSsrc, RtcpSenderInfo? SenderInfo, RtcpReportBlock? AboutUs, bool Goodbye);
