using System.Buffers;

namespace Switchboard.Media.Recognition;

/// <summary>
/// Keeps the caller's recent audio while a <see cref="SpeechEndpointer"/> listens, so that when an utterance ends
/// its audio can be handed to a recognizer whole: from a little before the endpointer heard speech start (the
/// onset it needs to be sure, plus a margin for a soft first consonant) to a little after the speech stopped. A
/// ring of pooled samples sized for the longest utterance; reported gaps are written as silence so that positions
/// in the ring and the endpointer's clock stay one. Allocation-free per frame; not thread-safe (one feeder).
/// </summary>
public sealed class UtteranceRecorder : IDisposable
{
    /// <summary>Audio kept from before the moment speech was detected to start.</summary>
    public static readonly TimeSpan LeadIn = TimeSpan.FromMilliseconds(300);

    /// <summary>Audio kept after the speech stopped: the tail of a fading last syllable.</summary>
    public static readonly TimeSpan Tail = TimeSpan.FromMilliseconds(200);

    private const int SampleRate = 8000;
    private static readonly short[] Silence = new short[160];

    private readonly SpeechEndpointer _endpointer;
    private short[]? _ring;
    private long _written;

    public UtteranceRecorder(EndpointingOptions options)
    {
        _endpointer = new SpeechEndpointer(options);
        var longest = LeadIn + options.SpeechOnset + options.MaxUtterance + options.MaxSilence + Tail;
        _ring = ArrayPool<short>.Shared.Rent(Samples(longest) + Silence.Length);
    }

    public EndpointerState State => _endpointer.State;

    /// <summary>How much audio (and reported silence) has been heard.</summary>
    public TimeSpan Position => _endpointer.Position;

    /// <summary>Adds received audio; returns what it changed, as <see cref="SpeechEndpointer.Add"/> does.</summary>
    public SpeechEndpoint Add(ReadOnlySpan<short> samples)
    {
        Write(samples);
        return _endpointer.Add(samples);
    }

    /// <summary>Time that passed without audio: it counts, and is kept, as silence.</summary>
    public SpeechEndpoint AddSilence(TimeSpan gap)
    {
        for (var left = Samples(gap); left > 0; left -= Silence.Length)
        {
            Write(Silence.AsSpan(0, Math.Min(left, Silence.Length)));
        }

        return _endpointer.AddSilence(gap);
    }

    /// <summary>
    /// A copy of the utterance that just ended (after <see cref="SpeechEndpoint.UtteranceEnded"/> or
    /// <see cref="SpeechEndpoint.MaxLength"/>), with its lead-in and what is kept of its tail.
    /// </summary>
    public short[] TakeUtterance() =>
        _endpointer.UtteranceEnd is { } end ? Copy(Samples(end + Tail)) : [];

    /// <summary>A copy of the utterance under way, from its lead-in to now (for interim results).</summary>
    public short[] TakeUtteranceSoFar() => _endpointer.State == EndpointerState.Speaking ? Copy(_written) : [];

    /// <summary>How long the utterance under way has lasted; zero while nobody speaks.</summary>
    public TimeSpan UtteranceLength => _endpointer.State == EndpointerState.Speaking && _endpointer.UtteranceStart is { } start
        ? _endpointer.Position - start
        : TimeSpan.Zero;

    private short[] Copy(long end)
    {
        var ring = _ring ?? throw new ObjectDisposedException(nameof(UtteranceRecorder));
        if (_endpointer.UtteranceStart is not { } start)
        {
            return [];
        }

        var from = Math.Max(Math.Max(0, _written - ring.Length), Samples(start - LeadIn));
        var to = Math.Min(_written, end);
        var utterance = new short[Math.Max(0, to - from)];
        for (var i = 0; i < utterance.Length; i++)
        {
            utterance[i] = ring[(from + i) % ring.Length];
        }

        return utterance;
    }

    public void Dispose()
    {
        if (_ring is { } ring)
        {
            _ring = null;
            ArrayPool<short>.Shared.Return(ring);
        }
    }

    private void Write(ReadOnlySpan<short> samples)
    {
        var ring = _ring ?? throw new ObjectDisposedException(nameof(UtteranceRecorder));
        while (!samples.IsEmpty)
        {
            var at = (int)(_written % ring.Length);
            var count = Math.Min(samples.Length, ring.Length - at);
            samples[..count].CopyTo(ring.AsSpan(at));
            samples = samples[count..];
            _written += count;
        }
    }

    private static int Samples(TimeSpan time) => time <= TimeSpan.Zero ? 0 : (int)(time.Ticks * SampleRate / TimeSpan.TicksPerSecond);
}
