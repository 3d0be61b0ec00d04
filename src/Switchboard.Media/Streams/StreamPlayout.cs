using System.Collections.Concurrent;
using Switchboard.Media.Clock;
using Switchboard.Media.Codecs;
using Switchboard.Media.Sessions;

namespace Switchboard.Media.Streams;

/// <summary>
/// An agent's audio on its way into the call: written (already 8 kHz) whenever the WebSocket delivers it, read by the
/// media clock one 20 ms frame per tick, so a burst of seconds plays at real time rather than being dropped or sped up.
/// Unlike a bridge's jitter buffer it never trims a backlog: the backlog is the agent's speech. Only a real-time agent's
/// standing frame is trimmed: when a whole frame has waited behind every frame played for <see cref="TrimAfterTicks"/>
/// ticks while little is held (its frames arrive just after their ticks), the next quiet frame is dropped, so the delay
/// a moment's jitter added does not stay for the rest of the call. Audio written while nothing plays starts a talkspurt:
/// <see cref="TalkspurtStarting"/> lets the session move its stream to the next clock phase. A frame plays once a
/// whole frame is there. Audio that starts after a silence plays at the next tick even when it is less than a frame,
/// with the silence first, so the frames that follow line up with the ticks and nothing waits a frame for nothing
/// (a resampler's delay leaves the stream a few samples short of a frame boundary). A shorter tail in the middle of
/// playing (the end of an utterance) plays padded with silence after two ticks.
/// <see cref="Clear"/> empties it at once (barge-in). Marks sit at a stream position and are reported when the audio
/// before them has played (or was cleared). One producer thread; nothing allocates per frame.
/// </summary>
public sealed class StreamPlayout : IOutgoingAudioSource
{
    /// <summary>20 ms at 8 kHz.</summary>
    public const int FrameSamples = 160;

    /// <summary>Ticks a partial frame waits for the rest before it plays padded.</summary>
    private const int TailTicks = 2;

    /// <summary>Ticks in a row with a whole frame left standing before a quiet one is dropped.</summary>
    public const int TrimAfterTicks = 10;

    /// <summary>Held audio (samples) under which the agent is taken as real-time, so standing frames are trimmed.</summary>
    private const int RealTimeDepth = 4 * FrameSamples;

    /// <summary>A frame whose every sample is within this (−40 dBFS) is quiet enough to drop.</summary>
    private const int QuietPeak = 328;

    private readonly SampleRing<short> _ring;
    private readonly short[] _frame = new short[FrameSamples];
    private readonly ConcurrentQueue<(long Position, string Name, int Kind)> _marks = new();
    private readonly IPlayoutMarkObserver? _observer;
    private long _clearTo = -1;
    private int _waitingTicks;
    private bool _playing;
    private int _standingTicks;
    private volatile bool _idle = true;
    private Action? _talkspurtStarting;
    private long _dropped;
    private long _played;
    private long _trimmed;

    /// <param name="capacitySamples">The most audio held (at 8 kHz); writes beyond it are dropped and counted.</param>
    public StreamPlayout(int capacitySamples, IPlayoutMarkObserver? observer = null)
    {
        _ring = new SampleRing<short>(capacitySamples);
        _observer = observer;
    }

    /// <summary>Samples waiting to play.</summary>
    public int Buffered => _ring.Count;

    /// <summary>Samples refused for want of room.</summary>
    public long DroppedSamples => Interlocked.Read(ref _dropped);

    /// <summary>Frames played so far.</summary>
    public long PlayedFrames => Interlocked.Read(ref _played);

    /// <summary>Quiet frames dropped to take a standing frame's delay away.</summary>
    public long TrimmedFrames => Interlocked.Read(ref _trimmed);

    /// <summary>Called on the producer's thread when audio arrives while nothing plays (set by the session playing it).</summary>
    public Action? TalkspurtStarting
    {
        get => Volatile.Read(ref _talkspurtStarting);
        set => Volatile.Write(ref _talkspurtStarting, value);
    }

    /// <summary>Producer: appends audio; what does not fit is dropped (counted), never waited for.</summary>
    public void Write(ReadOnlySpan<short> samples)
    {
        if (!_ring.TryWrite(samples))
        {
            var room = _ring.Capacity - _ring.Count;
            if (room > 0)
            {
                _ring.TryWrite(samples[..room]);
            }

            Interlocked.Add(ref _dropped, samples.Length - Math.Max(room, 0));
        }

        if (_idle && samples.Length > 0)
        {
            _idle = false;
            TalkspurtStarting?.Invoke();
        }
    }

    /// <summary>Producer: a mark after the audio written so far; <paramref name="kind"/> is the producer's own tag.</summary>
    public void Mark(string name, int kind = 0) => _marks.Enqueue((_ring.TotalWritten, name, kind));

    /// <summary>Producer: drops everything written so far before the next tick; marks not yet reached are reported cleared.</summary>
    public void Clear() => Interlocked.Exchange(ref _clearTo, _ring.TotalWritten);

    /// <summary>
    /// Producer: forgets the marks of <paramref name="kind"/> not yet reached without reporting them (jambonz
    /// <c>clearMarks</c>); the others stay in order. Only the producer adds marks, so taking them all out and putting
    /// back the kept ones keeps their order; the clock meanwhile sees fewer, and reports the kept ones a tick later.
    /// </summary>
    public void ClearMarks(int kind = 0)
    {
        var count = _marks.Count;
        for (var i = 0; i < count && _marks.TryDequeue(out var mark); i++)
        {
            if (mark.Kind != kind)
            {
                _marks.Enqueue(mark);
            }
        }
    }

    bool IOutgoingAudioSource.TryReadFrame(Span<byte> payload, G711Codec codec)
    {
        if (!TryReadFrame(_frame))
        {
            return false;
        }

        codec.Encode(_frame, payload);
        return true;
    }

    /// <summary>Consumer (the media clock): one frame, or false when there is nothing to play yet.</summary>
    public bool TryReadFrame(Span<short> frame)
    {
        var clearTo = Interlocked.Exchange(ref _clearTo, -1);
        if (clearTo >= 0)
        {
            _ring.SkipTo(clearTo);
            ReportMarks(clearTo, cleared: true);
            _waitingTicks = 0;
        }

        var buffered = _ring.Count;
        if (buffered == 0 || (buffered < frame.Length && _playing && ++_waitingTicks < TailTicks))
        {
            _playing = buffered > 0;
            _idle = buffered == 0;
            _standingTicks = 0;
            ReportMarks(_ring.TotalRead, cleared: false);
            return false;
        }

        if (buffered < frame.Length && !_playing)
        {
            // A talkspurt's first, partial frame: silence first, so its end meets the next tick.
            var silence = frame.Length - buffered;
            frame[..silence].Clear();
            _ring.Read(frame[silence..]);
        }
        else
        {
            var read = _ring.Read(frame);
            frame[read..].Clear();
            if (TrimsStandingFrame(frame))
            {
                read = _ring.Read(frame);
                frame[read..].Clear();
            }
        }

        _waitingTicks = 0;
        _playing = true;
        _idle = false;
        Interlocked.Increment(ref _played);
        ReportMarks(_ring.TotalRead, cleared: false);
        return true;
    }

    /// <summary>
    /// Whether <paramref name="frame"/>, just read, is dropped for the whole frame behind it: a real-time agent's
    /// frames that keep arriving just after their ticks leave one standing, a frame of delay for nothing.
    /// </summary>
    private bool TrimsStandingFrame(ReadOnlySpan<short> frame)
    {
        var left = _ring.Count;
        _standingTicks = left >= FrameSamples && left < RealTimeDepth ? _standingTicks + 1 : 0;
        if (_standingTicks < TrimAfterTicks || !IsQuiet(frame))
        {
            return false;
        }

        _standingTicks = 0;
        Interlocked.Increment(ref _trimmed);
        return true;
    }

    private static bool IsQuiet(ReadOnlySpan<short> frame) => frame.IndexOfAnyExceptInRange((short)-QuietPeak, (short)QuietPeak) < 0;

    private void ReportMarks(long playedTo, bool cleared)
    {
        while (_marks.TryPeek(out var mark) && mark.Position <= playedTo)
        {
            _marks.TryDequeue(out _);
            _observer?.OnMarkReached(mark.Name, mark.Kind, cleared);
        }
    }
}
