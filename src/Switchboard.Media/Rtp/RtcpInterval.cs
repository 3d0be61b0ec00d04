namespace Switchboard.Media.Rtp;

/// <summary>
/// The RTCP transmission interval of RFC 3550 §6.3.1 (algorithm of §A.7) for a two-party call: the members'
/// share of 5% of the session bandwidth (with two members, senders are never at most a quarter of them, so
/// the sender/receiver split does not apply), never below the 5 s minimum (2.5 s before the first report,
/// §6.2), then randomised over [0.5, 1.5] and divided by e − 3/2 to compensate for timer reconsideration.
/// </summary>
public static class RtcpInterval
{
    /// <summary>§6.2: the recommended minimum interval.</summary>
    public static readonly TimeSpan Minimum = TimeSpan.FromSeconds(5);

    private const int Members = 2;

    /// <summary>G.711 at 20 ms: 64 kbit/s of payload plus 16 kbit/s of IP/UDP/RTP headers.</summary>
    private const double SessionBandwidthBitsPerSecond = 80_000;

    /// <summary>§6.3.1: e − 3/2.</summary>
    private const double Compensation = 1.21828;

    /// <param name="initial">True before our first report (half the minimum, §6.2).</param>
    /// <param name="averagePacketBytes">The average compound RTCP size, UDP and IP headers included (avg_rtcp_size, §6.3.3).</param>
    public static TimeSpan Next(bool initial, double averagePacketBytes, Random random)
    {
        var rtcpBytesPerSecond = SessionBandwidthBitsPerSecond * 0.05 / 8;
        var deterministic = averagePacketBytes * Members / rtcpBytesPerSecond;
        var minimum = initial ? Minimum.TotalSeconds / 2 : Minimum.TotalSeconds;
        var seconds = Math.Max(deterministic, minimum) * (random.NextDouble() + 0.5) / Compensation;
        return TimeSpan.FromSeconds(seconds);
    }
}
