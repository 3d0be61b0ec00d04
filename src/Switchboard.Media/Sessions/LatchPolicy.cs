namespace Switchboard.Media.Sessions;

/// <summary>How a <see cref="SymmetricRtpLatch"/> lets a source other than the SDP's take the stream.</summary>
/// <param name="LearningPackets">Valid packets of one SSRC, with consecutive sequence numbers, a new source must send.</param>
/// <param name="LearningWindow">The time within which those packets must arrive (counted from the first).</param>
/// <param name="RelatchAfterSilence">
/// How long the latched source must have been silent before another may learn; null: never (only a new
/// offer/answer or the SDP source moves the latch).
/// </param>
internal sealed record LatchPolicy(int LearningPackets, TimeSpan LearningWindow, TimeSpan? RelatchAfterSilence)
{
    /// <summary>
    /// RTP: five packets (100 ms of a 20 ms stream) within a second, after half a second of silence from the
    /// latched source: far beyond the jitter of a live stream, short enough that a moved phone is heard again
    /// at once.
    /// </summary>
    public static LatchPolicy Rtp { get; } = new(5, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(500));

    /// <summary>
    /// RTCP: a report comes every few seconds (RFC 3550 §6.2), too seldom to learn a run, so the first one
    /// latches and keeps the latch; the expected address (the RTP source's next port) still takes it back.
    /// RTCP carries no audio and does not steer where RTP goes.
    /// </summary>
    public static LatchPolicy Rtcp { get; } = new(1, TimeSpan.Zero, null);
}
