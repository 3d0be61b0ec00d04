namespace Switchboard.Calls.Engine;

/// <summary>
/// How long a peer has sent no audio, for the speech tap, whose endpointer takes the audio as its clock: a phone with
/// voice activity detection stops sending while its user is quiet, and that quiet must still count. Only a pause longer than <see cref="Slack"/> since the last packet is silence; audio
/// that merely lags the wall clock (jitter, a late receive thread) is not, or silence would be cut into a word.
/// Not thread-safe: the tap's lock orders its receive thread and its timer.
/// </summary>
internal sealed class PacketPause(TimeProvider time)
{
    /// <summary>A pause up to this long is jitter, not silence.</summary>
    public static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(200);

    /// <summary>How often a tap asks: the latency this adds to a decision that waits on silence.</summary>
    public static readonly TimeSpan CheckPeriod = TimeSpan.FromMilliseconds(100);

    private static readonly TimeSpan Frame = TimeSpan.FromMilliseconds(20);

    private long _lastAudio = time.GetTimestamp();
    private TimeSpan _counted;

    /// <summary>A packet came: the pause, if any, is over.</summary>
    public void OnAudio()
    {
        _lastAudio = time.GetTimestamp();
        _counted = TimeSpan.Zero;
    }

    /// <summary>The silence to feed now, in whole 20 ms frames: the pause since the last packet not yet fed, once it is longer than the slack.</summary>
    public TimeSpan TakeSilence()
    {
        var silent = time.GetElapsedTime(_lastAudio);
        if (silent <= Slack)
        {
            return TimeSpan.Zero;
        }

        var gap = Frame * Math.Floor((silent - _counted) / Frame);
        _counted += gap;
        return gap;
    }
}
