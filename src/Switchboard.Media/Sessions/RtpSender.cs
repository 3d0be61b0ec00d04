using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Switchboard.Media.Audio;
using Switchboard.Media.Clock;
using Switchboard.Media.Codecs;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sdp;

namespace Switchboard.Media.Sessions;

/// <summary>
/// The outgoing half of a session, ticked by the media clock: one 20 ms frame per tick (a continuous
/// stream, as carriers expect), taken in this order: a key being sent, the bridged leg's audio, an agent's
/// streamed audio, the playing clip, encoded silence. A bridged leg's packets in the same codec may instead be
/// forwarded the moment they arrive (<see cref="TryForward"/>); while they keep coming the clock sends nothing.
/// Queue operations come from any thread; stream state (sequence, timestamps, the frame being built) is touched
/// under <see cref="_gate"/>, by the clock thread's tick or the receive thread's forward, and neither allocates.
/// </summary>
internal sealed class RtpSender : IMediaClockStream
{
    /// <summary>20 ms at 8 kHz (RFC 3551 §4.5: G.711 default packetization).</summary>
    public const int SamplesPerFrame = 160;

    /// <summary>
    /// Ticks a forwarded stream may go without a packet before the clock paces it again: a gap of 80–100 ms is the
    /// source pausing (silence suppression, a hold), not jitter, and the far end then hears our silence rather than
    /// nothing. Shorter, a busy machine's scheduling delays would insert silence into the middle of speech.
    /// </summary>
    private const int ForwardHoldTicks = 5;

    private readonly Socket _socket;
    private readonly ILogger _logger;
    private readonly int _localPort;
    private readonly System.Collections.Concurrent.ConcurrentQueue<PlayRequest> _queue = new();
    private readonly byte[] _packet = new byte[RtpHeader.FixedLength + SamplesPerFrame];
    private readonly short[] _pcm = new short[SamplesPerFrame];
    private readonly byte[] _forwardPacket = new byte[RtpHeader.FixedLength + SamplesPerFrame];
    private readonly Lock _gate = new();
    private volatile IOutgoingAudioSource? _source;
    private volatile IOutgoingAudioSource? _streamAudio;
    private readonly uint _ssrc;
    private readonly uint _timestampBase;
    private ushort _sequence;
    private volatile Destination? _destination;
    private long _stopGeneration;
    private PlayRequest? _current;
    private long _firstTick = -1;
    private long _lastTick = long.MinValue;
    private long _tickShift;
    private long _lastRawTick = -1;
    private long _forwardedTick = long.MinValue;
    private bool _forwarding;
    private ushort _forwardSequenceOffset;
    private uint _forwardTimestampOffset;
    private uint _timestampAdjust;
    private uint _nextTimestamp;
    private bool _previousWasAudio;
    private long _sent;
    private long _octets;
    private volatile bool _closed;

    public RtpSender(Socket socket, int localPort, ILogger logger)
    {
        Taps = new AudioTaps(localPort, logger);
        _socket = socket;
        _localPort = localPort;
        _logger = logger;

        // RFC 3550 §5.1: SSRC, initial sequence number and timestamp are random.
        _ssrc = (uint)Random.Shared.NextInt64(0, 1L << 32);
        _sequence = (ushort)Random.Shared.Next(0, 1 << 16);
        _timestampBase = (uint)Random.Shared.NextInt64(0, 1L << 32);
        _nextTimestamp = _timestampBase;
    }

    public uint Ssrc => _ssrc;

    /// <summary>Listeners to the audio we send, one 20 ms frame per tick.</summary>
    public AudioTaps Taps { get; }

    /// <summary>Keys waiting to be sent; they go before any audio.</summary>
    public DtmfSender Dtmf { get; } = new();

    /// <summary>Audio that replaces the player while set (a bridge); queued clips wait until it is cleared.</summary>
    public IOutgoingAudioSource? Source
    {
        get => _source;
        set => _source = value;
    }

    /// <summary>
    /// An agent's audio (a media stream): while it has a frame it plays instead of the clip, which waits without
    /// advancing; when it has none the clip plays. A bridge's audio goes before both.
    /// </summary>
    public IOutgoingAudioSource? StreamAudio
    {
        get => _streamAudio;
        set => _streamAudio = value;
    }

    /// <summary>The codec of the outgoing stream, or null before offer/answer.</summary>
    public G711Codec? Codec => _destination?.Codec;

    public long SentPackets => Interlocked.Read(ref _sent);

    /// <summary>Payload octets sent (RFC 3550 §6.4.1's sender octet count: headers excluded).</summary>
    public long SentOctets => Interlocked.Read(ref _octets);

    /// <summary>The RTP timestamp of the frame sent on <paramref name="tick"/> (for an SR's sender information).</summary>
    public uint TimestampFor(long tick) =>
        unchecked(_timestampBase + _timestampAdjust + (uint)((tick + _tickShift - Math.Max(_firstTick, 0)) * SamplesPerFrame));

    /// <summary>Starts or redirects sending (a later answer or re-INVITE may change codec or address).</summary>
    public void SetDestination(NegotiatedMedia media)
    {
        var address = media.RemoteEndPoint.Address;
        if (_socket.AddressFamily == AddressFamily.InterNetworkV6 && address.AddressFamily == AddressFamily.InterNetwork)
        {
            address = address.MapToIPv6();
        }

        var silent = media.RemoteDirection is MediaDirection.SendOnly or MediaDirection.Inactive
            || media.RemoteEndPoint.Address.Equals(IPAddress.Any);
        _destination = new Destination(
            media.Codec, (byte)media.PayloadType, media.TelephoneEventPayloadType ?? -1,
            new IPEndPoint(address, media.RemoteEndPoint.Port).Serialize(), silent);
    }

    /// <summary>
    /// Sends to where the peer's RTP really comes from (RFC 4961 §3), keeping the negotiated codec and
    /// direction. Called by the receive loop; the clock picks it up at its next tick.
    /// </summary>
    public void Latch(SocketAddress source)
    {
        if (_destination is { } destination && !destination.Address.Equals(source))
        {
            _destination = destination with { Address = source };
        }
    }

    /// <summary>Where packets go now (the SDP address, or the latched source).</summary>
    public SocketAddress? DestinationAddress => _destination?.Address;

    public Task Enqueue(AudioClip clip, CancellationToken cancellationToken)
    {
        var request = new PlayRequest(clip, Interlocked.Read(ref _stopGeneration));
        request.Watch(cancellationToken);
        _queue.Enqueue(request);
        if (_closed)
        {
            request.Cancel();
        }

        return request.Task;
    }

    public void StopPlayback()
    {
        // The clock thread drops anything queued before this generation; cancelling here too completes
        // the tasks even when the clock is not ticking this session (no answer yet).
        Interlocked.Increment(ref _stopGeneration);
        Volatile.Read(ref _current)?.Cancel();
        foreach (var request in _queue)
        {
            request.Cancel();
        }
    }

    public void Close()
    {
        _closed = true;
        StopPlayback();
        Dtmf.Close();
    }

    /// <summary>
    /// Sends a bridged peer's packet at once, from the receive thread: its payload untouched, its header ours (SSRC,
    /// and sequence numbers and timestamps that continue from the last packet we sent, so the far end sees one stream
    /// whose gaps and order are the source's). Returns false when the frame must be paced by the clock instead: the
    /// codecs differ, the packet is not the 20 ms we send (the far end was offered 20 ms packets, so a source's 30 ms
    /// ones are cut to size by the playout buffer), keys are being sent, something listens to what we send, or
    /// nothing is negotiated yet.
    /// </summary>
    public bool TryForward(G711Codec codec, in RtpHeader source, ReadOnlySpan<byte> payload)
    {
        var destination = _destination;
        if (destination is null || _closed || destination.Codec != codec || payload.Length != SamplesPerFrame || !Taps.IsEmpty)
        {
            return false;
        }

        lock (_gate)
        {
            if (!Dtmf.IsIdle)
            {
                _forwarding = false;
                return false;
            }

            var marker = source.Marker;
            if (!_forwarding)
            {
                // A new timing: marked as a talkspurt's start (RFC 3551 §4.1) so the far end's jitter buffer resynchronises.
                _forwardSequenceOffset = unchecked((ushort)(_sequence - source.SequenceNumber));
                _forwardTimestampOffset = unchecked(_nextTimestamp - source.Timestamp);
                _forwarding = true;
                marker = true;
            }

            var sequence = unchecked((ushort)(source.SequenceNumber + _forwardSequenceOffset));
            var timestamp = unchecked(source.Timestamp + _forwardTimestampOffset);
            new RtpHeader(marker, destination.PayloadType, sequence, timestamp, _ssrc).WriteTo(_forwardPacket);
            payload.CopyTo(_forwardPacket.AsSpan(RtpHeader.FixedLength));
            _forwardedTick = _lastRawTick;

            // A late packet goes out as late as it came (RFC 3550 §A.1 lets the far end place it); the stream continues
            // after the newest.
            if (unchecked((short)(sequence - _sequence)) >= 0)
            {
                _sequence = unchecked((ushort)(sequence + 1));
                _nextTimestamp = unchecked(timestamp + SamplesPerFrame);
            }

            Send(destination, _forwardPacket.AsSpan(0, RtpHeader.FixedLength + payload.Length));
        }

        return true;
    }

    public void OnTick(long tick)
    {
        lock (_gate)
        {
            Tick(tick);
        }
    }

    private void Tick(long tick)
    {
        var destination = _destination;
        if (destination is null || _closed)
        {
            return;
        }

        _lastRawTick = tick;
        var resumed = false;
        if (_forwarding)
        {
            if (tick - _forwardedTick < ForwardHoldTicks && Source is not null && Dtmf.IsIdle)
            {
                return;
            }

            _forwarding = false;
            resumed = true;
        }

        // Moved to a later phase of a period it was already ticked in (a talkspurt starting early): the frame is the
        // next one all the same, so every later timestamp runs one frame further.
        tick += _tickShift;
        if (tick <= _lastTick)
        {
            _tickShift += _lastTick + 1 - tick;
            tick = _lastTick + 1;
        }

        _lastTick = tick;
        if (_firstTick < 0)
        {
            _firstTick = tick;
        }

        // The timestamp follows the clock, so ticks skipped after a stall show as a gap (RFC 3550 §5.1).
        var timestamp = unchecked(_timestampBase + _timestampAdjust + (uint)((tick - _firstTick) * SamplesPerFrame));
        if (resumed)
        {
            // The forwarded packets stopped (or keys must go out): the clock's frames continue their timestamps, and
            // the next audio is marked as a talkspurt's start.
            _timestampAdjust = unchecked(_timestampAdjust + (_nextTimestamp - timestamp));
            timestamp = _nextTimestamp;
            _previousWasAudio = false;
        }

        _nextTimestamp = unchecked(timestamp + SamplesPerFrame);
        var pcm = _pcm.AsSpan();
        var frame = Dtmf.Next(
            timestamp, destination.TelephoneEventPayloadType < 0, _packet.AsSpan(RtpHeader.FixedLength), pcm, out var marker);
        PlayRequest? request = null;
        int length;
        if (frame == DtmfFrame.Event)
        {
            new RtpHeader(marker, (byte)destination.TelephoneEventPayloadType, _sequence, Dtmf.EventTimestamp, _ssrc).WriteTo(_packet);
            length = RtpHeader.FixedLength + TelephoneEvent.Length;
            pcm.Clear();
            _previousWasAudio = false;
        }
        else
        {
            var isAudio = frame == DtmfFrame.Tone || ComposeAudio(destination, frame, out request);

            // RFC 3551 §4.1: marker on the first packet of a talkspurt; our stream starts with one.
            marker = _sent == 0 || (isAudio && !_previousWasAudio);
            _previousWasAudio = isAudio;
            if (frame == DtmfFrame.Tone)
            {
                destination.Codec.Encode(pcm, _packet.AsSpan(RtpHeader.FixedLength));
            }

            new RtpHeader(marker, destination.PayloadType, _sequence, timestamp, _ssrc).WriteTo(_packet);
            length = RtpHeader.FixedLength + SamplesPerFrame;
        }

        if (!Taps.IsEmpty)
        {
            Taps.Deliver(AudioDirection.Sent, pcm);
        }

        if (Send(destination, _packet.AsSpan(0, length)))
        {
            _sequence++;
        }

        if (request is not null && request.IsFinished)
        {
            request.Complete();
            Volatile.Write(ref _current, null);
        }
    }

    /// <summary>
    /// Fills the payload (and the PCM frame for taps) from the outgoing source, the playing clip or silence;
    /// returns whether it is audio rather than silence. Nothing advances while keys are being sent.
    /// </summary>
    private bool ComposeAudio(Destination destination, DtmfFrame frame, out PlayRequest? request)
    {
        var payload = _packet.AsSpan(RtpHeader.FixedLength, SamplesPerFrame);
        var pcm = _pcm.AsSpan();
        request = null;
        if (frame == DtmfFrame.None && Source is { } source)
        {
            if (source.TryReadFrame(payload, destination.Codec))
            {
                if (!Taps.IsEmpty)
                {
                    destination.Codec.Decode(payload, pcm);
                }

                return true;
            }
        }
        else if (frame == DtmfFrame.None && StreamAudio is { } stream && stream.TryReadFrame(payload, destination.Codec))
        {
            if (!Taps.IsEmpty)
            {
                destination.Codec.Decode(payload, pcm);
            }

            return true;
        }
        else if (frame == DtmfFrame.None && (request = CurrentRequest()) is not null)
        {
            var samples = request.Clip.Samples.Span;
            var count = Math.Min(SamplesPerFrame, samples.Length - request.Position);
            samples.Slice(request.Position, count).CopyTo(pcm);
            pcm[count..].Clear();
            request.Position += count;
            destination.Codec.Encode(pcm, payload);
            return true;
        }

        payload.Fill(destination.Codec.SilenceByte);
        pcm.Clear();
        return false;
    }

    /// <summary>Sends one packet; returns whether it went (a held destination sends nothing).</summary>
    private bool Send(Destination destination, ReadOnlySpan<byte> packet)
    {
        if (destination.Silent)
        {
            return false;
        }

        try
        {
            _socket.SendTo(packet, SocketFlags.None, destination.Address);
            Interlocked.Increment(ref _sent);
            Interlocked.Add(ref _octets, packet.Length - RtpHeader.FixedLength);
            return true;
        }
        catch (SocketException exception)
        {
            Log.SendFailed(_logger, _localPort, exception.SocketErrorCode.ToString());
        }
        catch (ObjectDisposedException)
        {
            // Closing: the socket went away under the last tick.
        }

        return false;
    }

    private PlayRequest? CurrentRequest()
    {
        var generation = Interlocked.Read(ref _stopGeneration);
        var request = _current;
        while (true)
        {
            if (request is not null)
            {
                if (request.Generation < generation)
                {
                    request.Cancel();
                }
                else if (!request.IsDone && request.IsFinished)
                {
                    request.Complete();
                }
                else if (!request.IsDone)
                {
                    Volatile.Write(ref _current, request);
                    return request;
                }
            }

            if (!_queue.TryDequeue(out request))
            {
                Volatile.Write(ref _current, null);
                return null;
            }
        }
    }

    /// <param name="TelephoneEventPayloadType">The peer's RFC 4733 payload type, or -1: keys then go in-band.</param>
    private sealed record Destination(
        G711Codec Codec, byte PayloadType, int TelephoneEventPayloadType, SocketAddress Address, bool Silent);
}
