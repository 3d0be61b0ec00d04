using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Switchboard.Media.Audio;
using Switchboard.Media.Bridging;
using Switchboard.Media.Clock;
using Switchboard.Media.Codecs;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Recording;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sdp;
using Switchboard.Media.Streams;

namespace Switchboard.Media.Sessions;

/// <summary>
/// The media of one call leg: an RTP/RTCP socket pair from the engine's pool, SDP offer/answer, a paced
/// outgoing G.711 stream (clip playback, keys, or a bridged leg's audio) latched to where the peer really
/// sends from, digit detection and audio taps on the incoming stream, recording, and RTCP statistics.
/// </summary>
public sealed class MediaSession : IAsyncDisposable
{
    private readonly Socket _rtp;
    private readonly Socket _rtcp;
    private readonly MediaClock _clock;
    private readonly string _advertisedAddress;
    private readonly Action<MediaSession> _onClosed;
    private readonly ILogger _logger;
    private readonly RtpSender _sender;
    private readonly RtpReceiver _receiver;
    private readonly IAsyncDisposable _rtpReceive;
    private readonly RtcpSession _rtcpSession;

    /// <summary>The agents' playouts started and not stopped, oldest first; the last one plays.</summary>
    private readonly List<StreamPlayout> _streams = [];
    private readonly IAsyncDisposable _rtcpReceive;
    private readonly Lock _gate = new();
    private readonly ulong _sessionId = (ulong)Random.Shared.NextInt64(1, long.MaxValue);
    private ulong _sessionVersion;
    private readonly IMediaSessionObserver _observer;
    private readonly TimeSpan _mediaTimeout;
    private readonly RecordingWriter _recordings;
    private readonly InactivityMonitor? _inactivity;
    private MediaClockRegistration? _clockRegistration;
    private readonly Action _startTalkspurt;
    private IDisposable? _rtcpRegistration;
    private IDisposable? _inactivityRegistration;
    private MediaBridge? _bridge;
    private int _disposed;

    internal MediaSession(
        int localPort, Socket rtp, Socket rtcp, MediaClock clock, string advertisedAddress,
        IMediaSessionObserver observer, Action<MediaSession> onClosed, ILogger logger, TimeProvider time, TimeSpan mediaTimeout,
        RecordingWriter recordings, IDatagramPump pump)
    {
        _recordings = recordings;
        _observer = observer;
        _mediaTimeout = mediaTimeout;
        LocalPort = localPort;
        _rtp = rtp;
        _rtcp = rtcp;
        _clock = clock;
        _advertisedAddress = advertisedAddress;
        _onClosed = onClosed;
        _logger = logger;
        _sender = new RtpSender(rtp, localPort, logger);
        _startTalkspurt = StartTalkspurt;
        _receiver = new RtpReceiver(
            rtp, localPort, SdpNegotiator.OfferedTelephoneEventPayloadType, observer, OnLatched, logger, time);
        _rtcpSession = new RtcpSession(rtcp, localPort, _sender, _receiver.Statistics, logger, time);
        _rtpReceive = pump.Register(rtp, _receiver, localPort);
        _rtcpReceive = pump.Register(rtcp, _rtcpSession, localPort + 1);
        if (mediaTimeout != Timeout.InfiniteTimeSpan)
        {
            _inactivity = new InactivityMonitor(
                time, mediaTimeout, clock.Period, localPort / 2, LastHeardFromPeer, OnMediaTimeout);
        }

        Log.SessionCreated(logger, localPort);
    }

    /// <summary>The local RTP port (RTCP is <c>LocalPort + 1</c>).</summary>
    public int LocalPort { get; }

    /// <summary>What the last successful offer/answer settled, or null before one.</summary>
    public NegotiatedMedia? Media { get; private set; }

    /// <summary>Our SSRC on the outgoing stream.</summary>
    public uint Ssrc => _sender.Ssrc;

    public long SentPackets => _sender.SentPackets;

    public long ReceivedPackets => _receiver.ReceivedPackets;

    public long MalformedPackets => _receiver.MalformedPackets;

    /// <summary>Datagrams dropped because they came from another address than the one latched (RFC 4961).</summary>
    public long RefusedPackets => _receiver.RefusedPackets;

    /// <summary>
    /// Where our RTP goes: the SDP address until the peer's first valid packet, then that packet's source
    /// (symmetric RTP, RFC 4961 §3); null before offer/answer.
    /// </summary>
    public IPEndPoint? RemoteRtpEndPoint => _sender.DestinationAddress is { } address ? ToEndPoint(address) : null;

    /// <summary>The bridge this session is part of, or null.</summary>
    public MediaBridge? Bridge => Volatile.Read(ref _bridge);

    /// <summary>True once the session is disposed (the leg is gone).</summary>
    public bool IsClosed => _disposed != 0;

    /// <summary>
    /// RTP and RTCP figures: what we sent, how we receive the peer (loss, jitter), how it says it receives
    /// us, and the round-trip time once the peer has reported on one of our sender reports.
    /// </summary>
    public MediaStatistics GetStatistics()
    {
        var reception = _receiver.Statistics;
        return new MediaStatistics(
            _sender.SentPackets, _sender.SentOctets, reception.Received, Math.Max(0, reception.CumulativeLost),
            reception.Expected > 0 ? Math.Max(0, reception.CumulativeLost) / (double)reception.Expected : 0,
            TimeSpan.FromSeconds(reception.Jitter / 8000.0), RefusedPackets, MalformedPackets, _rtcpSession.Remote,
            _rtcpSession.RoundTripTime, _rtcpSession.SentReports, _rtcpSession.ReceivedReports);
    }

    /// <summary>
    /// Mutes the peer: its audio no longer reaches a bridged party, the taps or recordings. Keys it presses are
    /// still heard. Takes effect from the next packet.
    /// </summary>
    public bool MutePeer
    {
        get => _receiver.Muted;
        set => _receiver.Muted = value;
    }

    /// <summary>Our SDP offer (PCMU, PCMA, telephone-event) for an outbound INVITE.</summary>
    public string CreateOffer()
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        return SdpNegotiator.BuildOffer(_advertisedAddress, LocalPort, _sessionId, NextVersion());
    }

    /// <summary>Applies the peer's answer; on success the outgoing stream starts at the next clock tick.</summary>
    public SdpAnswerResult ApplyAnswer(string sdp)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var result = SdpNegotiator.Negotiate(sdp);
        Apply(result);
        return result;
    }

    /// <summary>
    /// For an inbound call: accepts the peer's offer and returns our answer, or null when the offer is
    /// unusable (the caller then rejects with SIP 488; <see cref="ApplyOffer"/> gives the reason).
    /// </summary>
    public string? CreateAnswer(string offerSdp) => ApplyOffer(offerSdp, out var answer).IsSuccess ? answer : null;

    /// <summary>Accepts the peer's offer; on success <paramref name="answerSdp"/> is our answer.</summary>
    public SdpAnswerResult ApplyOffer(string offerSdp, out string? answerSdp)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var result = SdpNegotiator.Negotiate(offerSdp);
        answerSdp = result.IsSuccess
            ? SdpNegotiator.BuildAnswer(_advertisedAddress, LocalPort, _sessionId, NextVersion(), result.Media)
            : null;
        Apply(result);
        return result;
    }

    /// <summary>
    /// Queues <paramref name="clip"/> after whatever is queued. The task completes when its last frame has
    /// been sent, or is cancelled by <paramref name="cancellationToken"/> or <see cref="StopPlayback"/>
    /// (sending stops at the next frame). While the session is bridged, clips wait for the bridge to end.
    /// </summary>
    public Task PlayAsync(AudioClip clip, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clip);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        return cancellationToken.IsCancellationRequested
            ? Task.FromCanceled(cancellationToken)
            : _sender.Enqueue(clip, cancellationToken);
    }

    /// <summary>
    /// Plays <paramref name="playout"/> (an agent's streamed audio) on the outgoing stream: while it has audio it goes
    /// out instead of the clip being played, which resumes when it runs dry. A bridge's audio goes before it. One plays
    /// at a time: the latest started (a <c>listen</c> verb over a background stream), and when it stops the one before
    /// it plays again.
    /// </summary>
    public void PlayStream(StreamPlayout playout)
    {
        ArgumentNullException.ThrowIfNull(playout);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        lock (_streams)
        {
            _streams.Remove(playout);
            _streams.Add(playout);
            _sender.StreamAudio = playout;
            playout.TalkspurtStarting = _startTalkspurt;
        }
    }

    /// <summary>Stops playing <paramref name="playout"/>; the stream started before it, if any, plays again.</summary>
    public void StopStream(StreamPlayout playout)
    {
        lock (_streams)
        {
            _streams.Remove(playout);
            _sender.StreamAudio = _streams.Count > 0 ? _streams[^1] : null;
            playout.TalkspurtStarting = null;
        }
    }

    /// <summary>An agent's speech after a silence: the outgoing stream moves to the clock's next phase, so it leaves
    /// within a phase instead of waiting up to a period for the old one.</summary>
    private void StartTalkspurt() => Volatile.Read(ref _clockRegistration)?.MoveToNextPhase();

    /// <summary>Stops the playing clip and drops the queued ones (barge-in); their tasks are cancelled.</summary>
    public void StopPlayback() => _sender.StopPlayback();

    /// <summary>Sends <paramref name="digits"/> with <see cref="DigitSendOptions.Default"/> timing; see the overload.</summary>
    public Task SendDigitsAsync(string digits, CancellationToken cancellationToken) =>
        SendDigitsAsync(digits, DigitSendOptions.Default, cancellationToken);

    /// <summary>
    /// Queues keys (<c>0-9 * # A-D</c>; <c>w</c> waits half a second) on the outgoing stream, paced by the media
    /// clock: as RFC 4733 telephone events when the peer declared telephone-event, otherwise as in-band tones.
    /// Prompts and bridged audio pause while keys are sent. The task completes after the last key's gap, or
    /// is cancelled by <paramref name="cancellationToken"/> (a key already sounding is still ended properly).
    /// </summary>
    public Task SendDigitsAsync(string digits, DigitSendOptions options, CancellationToken cancellationToken)
    {
        var request = DigitRequest.Create(digits, options);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        return _sender.Dtmf.Enqueue(request, cancellationToken);
    }

    /// <summary>
    /// Queues keys as <see cref="SendDigitsAsync(string, DigitSendOptions, CancellationToken)"/> does, for a sender that
    /// waits for nothing (a bridge passing a key on): the media clock owns the sending from here.
    /// </summary>
    internal void QueueDigits(string digits, DigitSendOptions options)
    {
        var request = DigitRequest.Create(digits, options);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        _sender.Dtmf.Queue(request);
    }

    /// <summary>
    /// Starts handing <paramref name="tap"/> the decoded audio of <paramref name="directions"/>: what the
    /// peer sends (on the receive loop) and/or what we send (on the media clock thread). Adding a tap twice
    /// for a direction has no effect. Without taps the peer's audio is not decoded at all.
    /// </summary>
    public void AddAudioTap(IAudioTap tap, AudioDirection directions = AudioDirection.Received)
    {
        ArgumentNullException.ThrowIfNull(tap);
        if ((directions & AudioDirection.Both) == 0 || (directions & ~AudioDirection.Both) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(directions), directions, "Received, Sent or both.");
        }

        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (directions.HasFlag(AudioDirection.Received))
        {
            _receiver.Taps.Add(tap);
        }

        if (directions.HasFlag(AudioDirection.Sent))
        {
            _sender.Taps.Add(tap);
        }
    }

    /// <summary>
    /// Records this session to a WAV file: <see cref="AudioDirection.Received"/> (what the peer says) or
    /// <see cref="AudioDirection.Sent"/> as mono, <see cref="AudioDirection.Both"/> as stereo with the peer on
    /// the left channel and what we send on the right. The file is created before this returns (an
    /// unwritable path throws); <see cref="MediaRecorder.Completion"/> reports the ending.
    /// </summary>
    public MediaRecorder StartRecording(RecordingOptions options, AudioDirection directions = AudioDirection.Received)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        RecordingSource[] sources = directions switch
        {
            AudioDirection.Received or AudioDirection.Sent => [new(this, directions)],
            AudioDirection.Both => [new(this, AudioDirection.Received), new(this, AudioDirection.Sent)],
            _ => throw new ArgumentOutOfRangeException(nameof(directions), directions, "Received, Sent or both."),
        };
        return StartRecording(options, sources);
    }

    /// <summary>Records <paramref name="sources"/> (this session's or others') on this session's engine.</summary>
    internal MediaRecorder StartRecording(RecordingOptions options, RecordingSource[] sources) =>
        MediaRecorder.Start(options, sources, _clock, _recordings, _logger);

    /// <summary>Stops handing audio to <paramref name="tap"/> in both directions; a frame already being delivered may still arrive.</summary>
    public void RemoveAudioTap(IAudioTap tap)
    {
        ArgumentNullException.ThrowIfNull(tap);
        _receiver.Taps.Remove(tap);
        _sender.Taps.Remove(tap);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        lock (_gate)
        {
            _clockRegistration?.Dispose();
            _rtcpRegistration?.Dispose();
            _inactivityRegistration?.Dispose();
        }

        if (Media is not null)
        {
            _rtcpSession.SendGoodbye(_clock.TickCount);
        }

        // The other leg goes back to its own player rather than relaying a dead one.
        Bridge?.Disconnect();
        _sender.Close();
        await _rtpReceive.DisposeAsync().ConfigureAwait(false);
        await _rtcpReceive.DisposeAsync().ConfigureAwait(false);
        _rtp.Dispose();
        _rtcp.Dispose();
        Log.SessionClosed(_logger, LocalPort, ReceivedPackets, MalformedPackets, SentPackets);
        _onClosed(this);
    }

    /// <summary>Sends a bridged leg's packet on this session's stream at once; see <see cref="RtpSender.TryForward"/>.</summary>
    internal bool TryForward(G711Codec codec, in RtpHeader header, ReadOnlySpan<byte> payload) =>
        _sender.TryForward(codec, header, payload);

    internal bool TryJoinBridge(MediaBridge bridge) => Interlocked.CompareExchange(ref _bridge, bridge, null) is null;

    internal void LeaveBridge(MediaBridge bridge) => Interlocked.CompareExchange(ref _bridge, null, bridge);

    /// <summary>Sends what the peer says to <paramref name="received"/> and sends <paramref name="sent"/> instead of the player.</summary>
    internal void Route(BridgeDirection received, BridgeDirection sent)
    {
        _receiver.Sink = received;
        _receiver.DigitListeners.Add(received);
        _sender.Source = sent;
    }

    internal void Unroute(BridgeDirection received, BridgeDirection sent)
    {
        _receiver.DigitListeners.Remove(received);
        if (_receiver.Sink == received)
        {
            _receiver.Sink = null;
        }

        if (_sender.Source == sent)
        {
            _sender.Source = null;
        }
    }

    internal void AddDigitListener(IDigitListener listener) => _receiver.DigitListeners.Add(listener);

    internal void RemoveDigitListener(IDigitListener listener) => _receiver.DigitListeners.Remove(listener);

    private void Apply(SdpAnswerResult result)
    {
        if (!result.IsSuccess)
        {
            Log.NegotiationFailed(_logger, LocalPort, result.Reason);
            return;
        }

        Media = result.Media;

        // The sender first: a packet latched between the two is then re-latched after the receiver's reset.
        _sender.SetDestination(result.Media);
        _rtcpSession.SetRtpDestination(ToEndPoint(_sender.DestinationAddress!));
        _receiver.SetMedia(result.Media);
        lock (_gate)
        {
            if (_disposed == 0)
            {
                _clockRegistration ??= _clock.Register(_sender);
                _rtcpRegistration ??= _clock.Register(_rtcpSession);
                if (_inactivity is not null)
                {
                    _inactivity.Arm(ExpectsMediaFrom(result.Media));
                    _inactivityRegistration ??= _clock.Register(_inactivity);
                }
            }
        }

        Log.MediaNegotiated(_logger, LocalPort, result.Media.Codec.Name, result.Media.RemoteEndPoint);
    }

    /// <summary>
    /// Whether the peer promised to send: not on hold (RFC 3264 §8.4 <c>sendonly</c>/<c>inactive</c>, or the
    /// RFC 2543 <c>c=0.0.0.0</c> form) and not <c>recvonly</c>.
    /// </summary>
    private static bool ExpectsMediaFrom(NegotiatedMedia media) =>
        media.RemoteDirection == MediaDirection.SendReceive
        && !media.RemoteEndPoint.Address.Equals(IPAddress.Any)
        && !media.RemoteEndPoint.Address.Equals(IPAddress.IPv6Any);

    private long LastHeardFromPeer() => Math.Max(_receiver.LastPacketTimestamp, _rtcpSession.LastPacketTimestamp);

    private void OnMediaTimeout()
    {
        Log.MediaTimeout(_logger, LocalPort, _mediaTimeout.TotalSeconds);
        try
        {
            _observer.OnMediaTimeout();
        }
        catch (Exception exception)
        {
            Log.ObserverFailed(_logger, LocalPort, exception);
        }
    }

    private void OnLatched(SocketAddress source)
    {
        _sender.Latch(source);
        _rtcpSession.OnRtpLatched(ToEndPoint(source));
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            Log.Latched(_logger, LocalPort, ToEndPoint(source));
        }
    }

    private static IPEndPoint ToEndPoint(SocketAddress address) =>
        (IPEndPoint)new IPEndPoint(address.Family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0)
            .Create(address);

    private ulong NextVersion() => Interlocked.Increment(ref _sessionVersion);
}
