using System.Buffers.Binary;
using Switchboard.Media.Clock;
using Switchboard.Media.Codecs;
using Switchboard.Media.Sessions;

namespace Switchboard.Media.Streams;

/// <summary>
/// The call's audio on its way to an agent: an <see cref="IAudioTap"/> that resamples what the peer says (8 kHz) to
/// the stream's rate, encodes it and drops it into a <see cref="StreamFrameQueue"/>, on the receive thread, without
/// blocking or allocating. For <see cref="StreamChannels.Stereo"/> and <see cref="StreamChannels.Mixed"/> what the
/// session sends (on the clock thread) waits in a small ring and joins the peer's next frame sample for sample.
/// It also notes when the peer last spoke, for a stream that ends after a silence.
/// </summary>
public sealed class StreamCapture : IAudioTap
{
    /// <summary>The longest packet taken in one piece (120 ms at 8 kHz); longer ones are cut.</summary>
    public const int MaxInputSamples = 960;

    /// <summary>Mean absolute level under which a frame counts as silence (about -45 dBFS).</summary>
    private const int VoiceLevel = 180;

    private readonly StreamResampler _received;
    private readonly StreamResampler? _sentResampler;
    private readonly SampleRing<short>? _sent;
    private readonly short[] _sentFrame = new short[MaxInputSamples];
    private readonly short[] _resampled;
    private readonly short[] _resampledSent;
    private readonly StreamChannels _channels;
    private readonly StreamEncoding _encoding;
    private readonly TimeProvider _time;
    private long _lastVoice;
    private volatile bool _paused;

    public StreamCapture(int sampleRate, StreamChannels channels, StreamEncoding encoding, TimeProvider time, int queueFrames = 50)
    {
        if (encoding == StreamEncoding.MuLaw && (sampleRate != G711Codec.ClockRate || channels == StreamChannels.Stereo))
        {
            throw new ArgumentException("µ-law streams are 8 kHz, one channel.", nameof(encoding));
        }

        _channels = channels;
        _encoding = encoding;
        _time = time;
        _received = new StreamResampler(G711Codec.ClockRate, sampleRate, MaxInputSamples);
        _resampled = new short[_received.MaxOutput(MaxInputSamples)];
        _resampledSent = new short[_resampled.Length];
        if (channels != StreamChannels.Received)
        {
            _sentResampler = new StreamResampler(G711Codec.ClockRate, sampleRate, MaxInputSamples);
            _sent = new SampleRing<short>(4 * MaxInputSamples);
        }

        var bytesPerSample = encoding == StreamEncoding.MuLaw ? 1 : 2;
        Frames = new StreamFrameQueue(queueFrames, _resampled.Length * (channels == StreamChannels.Stereo ? 2 : 1) * bytesPerSample);
        _lastVoice = time.GetTimestamp();
    }

    /// <summary>The frames for the agent, ready to send.</summary>
    public StreamFrameQueue Frames { get; }

    /// <summary>The directions to tap the session for.</summary>
    public AudioDirection Directions => _channels == StreamChannels.Received ? AudioDirection.Received : AudioDirection.Both;

    /// <summary>While paused nothing is captured (jambonz <c>listen_status: pause</c>).</summary>
    public bool Paused
    {
        get => _paused;
        set => _paused = value;
    }

    /// <summary>How long the peer has been silent (or has sent nothing).</summary>
    public TimeSpan SilentFor => _time.GetElapsedTime(Interlocked.Read(ref _lastVoice));

    public void OnAudio(AudioDirection direction, ReadOnlySpan<short> samples)
    {
        if (direction == AudioDirection.Sent)
        {
            // Dropped when full: the peer has sent nothing for a while, so nothing is there to join it.
            _sent?.TryWrite(samples);

            return;
        }

        if (IsVoice(samples))
        {
            Interlocked.Exchange(ref _lastVoice, _time.GetTimestamp());
        }

        while (samples.Length > 0)
        {
            var piece = samples[..Math.Min(samples.Length, MaxInputSamples)];
            Capture(piece);
            samples = samples[piece.Length..];
        }
    }

    private void Capture(ReadOnlySpan<short> received)
    {
        var arrival = _time.GetTimestamp();
        var count = _received.Process(received, _resampled);
        var sentCount = 0;
        if (_sent is { } ring)
        {
            // What we sent over the same 20 ms, or silence when the clock has not sent it yet.
            var sent = _sentFrame.AsSpan(0, received.Length);
            if (ring.Count > 3 * received.Length)
            {
                // The peer paused (no frames) while we kept sending: stay aligned with the latest audio.
                ring.Skip(ring.Count - received.Length);
            }

            var got = ring.Read(sent);
            sent[got..].Clear();
            sentCount = _sentResampler!.Process(sent, _resampledSent);
        }

        if (_paused || count == 0)
        {
            return;
        }

        var frame = Frames.BeginWrite();
        if (frame.IsEmpty)
        {
            return;
        }

        var caller = _resampled.AsSpan(0, count);
        var other = _resampledSent.AsSpan(0, Math.Min(sentCount, count));
        var length = _channels switch
        {
            StreamChannels.Stereo => WriteStereo(caller, other, frame),
            StreamChannels.Mixed => Write(Mix(caller, other), frame),
            _ => Write(caller, frame),
        };
        Frames.EndWrite(length, arrival);
    }

    private static Span<short> Mix(Span<short> caller, ReadOnlySpan<short> other)
    {
        for (var i = 0; i < other.Length; i++)
        {
            caller[i] = (short)Math.Clamp(caller[i] + other[i], short.MinValue, short.MaxValue);
        }

        return caller;
    }

    private int Write(ReadOnlySpan<short> samples, Span<byte> frame)
    {
        if (_encoding == StreamEncoding.MuLaw)
        {
            G711Codec.Pcmu.Encode(samples, frame);
            return samples.Length;
        }

        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(frame[(2 * i)..], samples[i]);
        }

        return 2 * samples.Length;
    }

    private static int WriteStereo(ReadOnlySpan<short> left, ReadOnlySpan<short> right, Span<byte> frame)
    {
        for (var i = 0; i < left.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(frame[(4 * i)..], left[i]);
            BinaryPrimitives.WriteInt16LittleEndian(frame[((4 * i) + 2)..], i < right.Length ? right[i] : (short)0);
        }

        return 4 * left.Length;
    }

    private static bool IsVoice(ReadOnlySpan<short> samples)
    {
        long total = 0;
        foreach (var sample in samples)
        {
            total += Math.Abs((int)sample);
        }

        return samples.Length > 0 && total / samples.Length >= VoiceLevel;
    }
}
