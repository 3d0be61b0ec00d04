using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Switchboard.Media.Codecs;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sdp;

namespace Switchboard.Media.Sessions;

/// <summary>
/// The incoming half of a session, fed by the engine's <see cref="IDatagramPump"/> (no allocation per
/// packet). Telephone events become digits; when the peer negotiated no telephone-event, its G.711 audio is
/// decoded into a reused buffer and searched for in-band DTMF tones instead. Taps get the decoded audio and
/// a bridge the encoded payload.
/// Malformed datagrams are counted and dropped; after the first valid packet the source is latched
/// (<see cref="SymmetricRtpLatch"/>) and the sender answers there.
/// </summary>
internal sealed class RtpReceiver : IDatagramHandler
{
    private const int BufferSize = 2048;

    private readonly IMediaSessionObserver _observer;
    private readonly ILogger _logger;
    private readonly int _localPort;
    private readonly DtmfEventDetector _detector = new();
    private readonly DtmfDigit[] _digits = new DtmfDigit[(BufferSize / DtmfToneDetector.BlockSize) + 2];
    private readonly DtmfToneDetector _toneDetector = new();
    private readonly short[] _pcm = new short[BufferSize];
    private readonly int _offeredTelephoneEventPayloadType;
    private readonly SymmetricRtpLatch _latch;
    private readonly AddressFamily _family;
    private readonly Action<SocketAddress> _onLatched;
    private volatile ReceivedMedia? _media;
    private volatile IPayloadSink? _sink;
    private volatile bool _muted;
    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly double _timestampUnitsPerTick;
    private long _lastPacketTimestamp;
    private long _received;
    private long _malformed;

    public RtpReceiver(
        Socket socket, int localPort, int offeredTelephoneEventPayloadType, IMediaSessionObserver observer,
        Action<SocketAddress> onLatched, ILogger logger, TimeProvider time)
    {
        Taps = new AudioTaps(localPort, logger);
        _origin = time.GetTimestamp();
        _timestampUnitsPerTick = (double)G711Codec.ClockRate / time.TimestampFrequency;
        _time = time;
        _onLatched = onLatched;
        _latch = new SymmetricRtpLatch(socket.AddressFamily, time, LatchPolicy.Rtp);
        _family = socket.AddressFamily;
        _localPort = localPort;
        _offeredTelephoneEventPayloadType = offeredTelephoneEventPayloadType;
        _observer = observer;
        _logger = logger;
    }

    /// <summary>Listeners to the peer's decoded audio.</summary>
    public AudioTaps Taps { get; }

    /// <summary>Where the peer's encoded audio goes besides the taps (a bridge), or null.</summary>
    public IPayloadSink? Sink
    {
        get => _sink;
        set => _sink = value;
    }

    /// <summary>
    /// Whether the peer's audio is held back from the bridge and the taps (it is not heard and not recorded);
    /// its keys are still detected.
    /// </summary>
    public bool Muted
    {
        get => _muted;
        set => _muted = value;
    }

    /// <summary>Reception statistics of the peer's stream, for RTCP report blocks.</summary>
    public RtpReceptionStatistics Statistics { get; } = new();

    /// <summary>Listeners to the keys received, after the observer.</summary>
    public ListenerSet<IDigitListener> DigitListeners { get; } = new();

    /// <summary>The <see cref="TimeProvider.GetTimestamp"/> of the last datagram, or 0 before one.</summary>
    public long LastPacketTimestamp => Interlocked.Read(ref _lastPacketTimestamp);

    public long ReceivedPackets => Interlocked.Read(ref _received);

    public long MalformedPackets => Interlocked.Read(ref _malformed);

    /// <summary>Datagrams dropped because they came from another address than the latched peer, or one still learning.</summary>
    public long RefusedPackets => _latch.RefusedPackets;

    /// <summary>
    /// Takes what offer/answer settled (the telephone-event payload type we offered is accepted as well):
    /// RFC 4733 events when the peer declared telephone-event, otherwise in-band detection on its audio
    /// payload type. A new description may move the peer, so the source is latched again, trusting the
    /// description's address at once (<see cref="SymmetricRtpLatch"/>).
    /// </summary>
    public void SetMedia(NegotiatedMedia media)
    {
        _media = new ReceivedMedia(media.PayloadType, media.Codec, media.TelephoneEventPayloadType ?? -1);
        var address = media.RemoteEndPoint.Address;
        if (_family == AddressFamily.InterNetworkV6 && address.AddressFamily == AddressFamily.InterNetwork)
        {
            address = address.MapToIPv6();
        }

        _latch.Reset(address.AddressFamily == _family ? new IPEndPoint(address, media.RemoteEndPoint.Port).Serialize() : null);
    }

    public void OnBadDatagram() => Interlocked.Increment(ref _malformed);

    /// <summary>Processes one datagram (also driven directly by tests, without a socket).</summary>
    public void Handle(ReadOnlySpan<byte> datagram, SocketAddress source)
    {
        Interlocked.Increment(ref _received);
        if (RtpHeader.TryParse(datagram, out var header) != RtpParseStatus.Success)
        {
            Interlocked.Increment(ref _malformed);
            return;
        }

        // Before offer/answer nothing is expected, so nothing latches (RFC 4961 §3: the peer's RTP, not any datagram).
        var media = _media;
        var isAudio = media is not null && header.PayloadType == media.PayloadType;
        var isEvent = header.PayloadType == _offeredTelephoneEventPayloadType
            || (media is not null && header.PayloadType == media.TelephoneEventPayloadType);
        if (!_latch.Accept(source, media is not null && (isAudio || isEvent), header.Ssrc, header.SequenceNumber, out var latched))
        {
            return;
        }

        if (latched is not null)
        {
            _onLatched(latched);
        }

        var now = _time.GetTimestamp();
        Interlocked.Exchange(ref _lastPacketTimestamp, now);
        if (isAudio || isEvent)
        {
            // RFC 3550 §A.8: arrival time in the stream's timestamp units (8 kHz), from any fixed origin.
            var arrival = (long)((now - _origin) * _timestampUnitsPerTick);
            Statistics.Update(header.Ssrc, header.SequenceNumber, header.Timestamp, arrival, measureJitter: isAudio);
        }

        if (isAudio)
        {
            OnAudio(media!, header, datagram.Slice(header.HeaderLength, header.PayloadLength));
            return;
        }

        if (!isEvent)
        {
            return;
        }

        if (!TelephoneEvent.TryParse(datagram.Slice(header.HeaderLength, header.PayloadLength), out var telephoneEvent))
        {
            Interlocked.Increment(ref _malformed);
            return;
        }

        Deliver(_detector.Accept(header.Timestamp, telephoneEvent, _digits), viaEvents: true);
    }

    private void OnAudio(ReceivedMedia media, in RtpHeader header, ReadOnlySpan<byte> payload)
    {
        var muted = _muted;
        if (!muted)
        {
            _sink?.OnPayload(media.Codec, header, payload);
        }

        // Decoding is the costly part: done only when someone listens, once for all of them.
        if (!media.DetectsTones && (muted || Taps.IsEmpty))
        {
            return;
        }

        var pcm = _pcm.AsSpan(0, Math.Min(payload.Length, _pcm.Length));
        media.Codec.Decode(payload[..pcm.Length], pcm);
        if (media.DetectsTones)
        {
            Deliver(_toneDetector.Process(pcm, _digits), viaEvents: false);
        }

        if (!muted)
        {
            Taps.Deliver(AudioDirection.Received, pcm);
        }
    }

    private void Deliver(int count, bool viaEvents)
    {
        for (var i = 0; i < count; i++)
        {
            try
            {
                _observer.OnDigit(_digits[i]);
            }
            catch (Exception exception)
            {
                // The observer belongs to the call engine; its bug must not stop this call's media.
                Log.ObserverFailed(_logger, _localPort, exception);
            }

            foreach (var listener in DigitListeners.Items)
            {
                try
                {
                    listener.OnDigit(_digits[i], viaEvents);
                }
                catch (Exception exception)
                {
                    Log.ObserverFailed(_logger, _localPort, exception);
                }
            }
        }
    }
}
