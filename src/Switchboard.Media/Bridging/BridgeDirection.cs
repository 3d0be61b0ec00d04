using Switchboard.Media.Clock;
using Switchboard.Media.Codecs;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sessions;

namespace Switchboard.Media.Bridging;

/// <summary>
/// One way through a bridge. Same law on both legs, the source leg's receive loop forwards each packet at once
/// on the destination leg's stream (its payload untouched, the header ours): nothing waits for a clock tick, as
/// in rtpengine's forwarding. Where that cannot be (the laws differ, the packets are not 20 ms, keys are being sent
/// on the destination, something listens to what it sends), the payloads go, still encoded, into a small playout
/// buffer, and the destination leg's sender takes one frame per clock tick into its own stream, converting each
/// byte through a table when the laws differ: the far side then sees a stream paced by the media clock however the
/// source bursts. Keys received as RFC 4733 events are sent on as keys.
/// </summary>
internal sealed class BridgeDirection : IPayloadSink, IOutgoingAudioSource, IDigitListener
{
    /// <summary>About half a second of G.711: far above the playout depth plus slack.</summary>
    private const int BufferBytes = 4096;

    private readonly PlayoutBuffer<byte> _buffer = new(160, BufferBytes);
    private readonly MediaSession _destination;
    private readonly bool _passDigits;
    private volatile G711Codec? _sourceCodec;
    private long _relayed;
    private long _forwarded;
    private long _transcoded;
    private bool _paced;

    public BridgeDirection(MediaSession destination, bool passDigits)
    {
        _destination = destination;
        _passDigits = passDigits;
    }

    /// <summary>Frames passed on byte for byte, forwarded at once or paced.</summary>
    public long RelayedFrames => Interlocked.Read(ref _relayed) + Interlocked.Read(ref _forwarded);

    /// <summary>Frames forwarded the moment they arrived.</summary>
    public long ForwardedFrames => Interlocked.Read(ref _forwarded);

    public long TranscodedFrames => Interlocked.Read(ref _transcoded);

    public long Underruns => _buffer.Underruns;

    public void OnPayload(G711Codec codec, in RtpHeader header, ReadOnlySpan<byte> payload)
    {
        _sourceCodec = codec;
        if (_destination.TryForward(codec, header, payload))
        {
            Interlocked.Increment(ref _forwarded);
            if (_paced)
            {
                // What was buffered while pacing is older than this packet: it must not play after it.
                _paced = false;
                _buffer.Reset();
            }

            return;
        }

        _paced = true;
        _buffer.Write(payload);
    }

    public bool TryReadFrame(Span<byte> payload, G711Codec codec)
    {
        if (!_buffer.TryRead(payload))
        {
            return false;
        }

        var from = _sourceCodec ?? codec;
        if (from == codec)
        {
            Interlocked.Increment(ref _relayed);
        }
        else
        {
            G711Transcoder.Transcode(from, codec, payload);
            Interlocked.Increment(ref _transcoded);
        }

        return true;
    }

    public void OnDigit(DtmfDigit digit, bool viaEvents)
    {
        // A key sent as tones is already in the audio; sending it again would make two presses.
        if (!_passDigits || !viaEvents || _destination.IsClosed)
        {
            return;
        }

        var duration = TimeSpan.FromMilliseconds(Math.Clamp(digit.DurationMilliseconds, 40, 5000));
        try
        {
            _destination.QueueDigits(digit.Key.ToString(), new DigitSendOptions(duration, TimeSpan.FromMilliseconds(40)));
        }
        catch (ObjectDisposedException)
        {
            // The other leg closed between the check and the send: nothing to pass the key to.
        }
    }
}
