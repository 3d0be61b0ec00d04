using System.Collections.Concurrent;
using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using Switchboard.Calls.Metrics;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Sessions;
using Switchboard.Media.Streams;

namespace Switchboard.Calls.Engine.Streams;

/// <summary>
/// One media stream to an agent: the WebSocket, the tap that captures the caller, the playout the agent's audio goes
/// to, a send loop and a receive loop. The media threads only drop frames into a bounded queue and the send loop
/// takes them from there, so an agent that reads slowly costs dropped frames (counted), never a late tick; a send
/// that does not complete within <see cref="StallTimeout"/> ends the stream. <see cref="RunAsync"/> returns why the
/// stream ended; <see cref="Stop"/> (any thread) ends it from outside: the format's stop and a close frame go out,
/// and a connection that does not close within <see cref="CloseGrace"/> is aborted.
/// </summary>
internal sealed class AgentStream : IAgentCommands, IPlayoutMarkObserver
{
    /// <summary>The longest one send may take before the agent counts as stalled.</summary>
    public static readonly TimeSpan StallTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How long a closing connection may take to finish its handshake.</summary>
    public static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(2);

    /// <summary>The most agent audio held, in samples at 8 kHz (a minute): an agent far ahead of real time loses the excess.</summary>
    public const int PlayoutCapacity = 8000 * 60;

    /// <summary>The playout's mark kinds: the agent's own marks, and the end of a <c>playAudio</c>'s audio.</summary>
    private const int AgentMark = 0, PlayDoneMark = 1;

    private const int ReceiveBufferBytes = 16 * 1024;

    /// <summary>The largest text message read (a playAudio of about a minute of 24 kHz audio).</summary>
    private const int MaxTextBytes = 8 * 1024 * 1024;

    private readonly ListenVerb _listen;
    private readonly IStreamWire _wire;
    private readonly MediaSession _media;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _callSid;
    private readonly ConcurrentQueue<StreamEvent> _events = new();
    private readonly TaskCompletionSource _stopRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly AgentAudio? _agentAudio;
    private int _reason = -1;
    private string? _error;

    public AgentStream(ListenVerb listen, IStreamWire wire, MediaSession media, string callSid, TimeProvider time, ILogger logger)
    {
        _listen = listen;
        _wire = wire;
        _media = media;
        _callSid = callSid;
        _time = time;
        _logger = logger;
        var channels = listen.MixType switch
        {
            ListenMixType.Stereo => StreamChannels.Stereo,
            ListenMixType.Mixed => StreamChannels.Mixed,
            _ => StreamChannels.Received,
        };
        Capture = new StreamCapture(wire.SampleRate, channels, wire.Encoding, time);
        if (listen.Bidirectional)
        {
            _agentAudio = new AgentAudio(new StreamPlayout(PlayoutCapacity, this));
        }
    }

    public StreamCapture Capture { get; }

    public StreamPlayout? Playout => _agentAudio?.Playout;

    /// <summary>What went wrong, for the ends that are failures.</summary>
    public string? Error => _error;

    /// <summary>Ends the stream for <paramref name="reason"/>, unless it already ends for another.</summary>
    public void Stop(ListenEndReason reason, string? error = null)
    {
        if (Interlocked.CompareExchange(ref _reason, (int)reason, -1) == -1)
        {
            _error = error;
            _stopRequested.TrySetResult();
            Capture.Frames.Signal.Set();
        }
    }

    /// <summary>A key for the agent (the verb passes keys on).</summary>
    public void SendDtmf(char key) => Enqueue(new DtmfStreamEvent(key));

    /// <summary>How long the agent was connected (zero when it never was).</summary>
    public TimeSpan Duration { get; private set; }

    /// <summary>Connects, streams until something ends the stream, and returns why.</summary>
    public async Task<ListenEndReason> RunAsync(MediaStreamConnector connector, CancellationToken cancellationToken)
    {
        WebSocket socket;
        try
        {
            socket = await connector.ConnectAsync(_listen.Url, _listen.Credentials, _wire.SubProtocol, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WebSocketException or HttpRequestException or IOException or OperationCanceledException)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return ListenEndReason.Hangup;
            }

            Stop(ListenEndReason.ConnectFailure, Describe(exception));
            return ListenEndReason.ConnectFailure;
        }

        using (socket)
        using (cancellationToken.Register(() => Stop(ListenEndReason.Hangup)))
        {
            StreamLog.Connected(_logger, _callSid, _listen.Url.GetLeftPart(UriPartial.Path), _listen.WireFormat.ToString());
            using var counted = CallMetrics.StreamConnected();
            var connectedAt = _time.GetTimestamp();
            try
            {
                _media.AddAudioTap(Capture, Capture.Directions);
                if (Playout is { } playout)
                {
                    _media.PlayStream(playout);
                }
            }
            catch (ObjectDisposedException)
            {
                Stop(ListenEndReason.Hangup);
            }

            using var aborting = new CancellationTokenSource();
            using var stall = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
            var receiving = ReceiveLoopAsync(socket, stall, aborting.Token);
            var sending = SendLoopAsync(socket, stall);
            var both = Task.WhenAll(receiving, sending);
            await Task.WhenAny(both, _stopRequested.Task).ConfigureAwait(false);
            if (!both.IsCompleted)
            {
                var grace = Task.Delay(CloseGrace, _time);
                if (await Task.WhenAny(both, grace).ConfigureAwait(false) != both)
                {
                    socket.Abort();
                    await aborting.CancelAsync().ConfigureAwait(false);
                }
            }

            await both.ConfigureAwait(false);
            Duration = _time.GetElapsedTime(connectedAt);
            _media.RemoveAudioTap(Capture);
            if (Playout is { } played)
            {
                _media.StopStream(played);
            }

            StreamLog.Ended(_logger, _callSid, ((ListenEndReason)_reason).ToString(), Capture.Frames.DroppedFrames, Playout?.DroppedSamples ?? 0);
            return (ListenEndReason)_reason;
        }
    }

    private async Task SendLoopAsync(WebSocket socket, CancellationTokenSource stall)
    {
        try
        {
            stall.CancelAfter(StallTimeout);
            await _wire.SendStartAsync(socket, stall.Token).ConfigureAwait(false);
            while (Volatile.Read(ref _reason) < 0)
            {
                Reset(stall);
                await Capture.Frames.Signal.WaitAsync().ConfigureAwait(false);
                while (_events.TryDequeue(out var streamEvent))
                {
                    stall.CancelAfter(StallTimeout);
                    await _wire.SendEventAsync(socket, streamEvent, stall.Token).ConfigureAwait(false);
                }

                while (Volatile.Read(ref _reason) < 0 && Capture.Frames.TryPeek(out var frame, out _))
                {
                    stall.CancelAfter(StallTimeout);
                    await _wire.SendAudioAsync(socket, frame, stall.Token).ConfigureAwait(false);
                    Capture.Frames.Release();
                }
            }

            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                stall.CancelAfter(CloseGrace);
                await _wire.SendStopAsync(socket, stall.Token).ConfigureAwait(false);
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, stall.Token).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            StopForFailure(exception, stall);
        }
    }

    /// <summary>
    /// Ends the stream for a failed send or receive. A stalled send is cancelled, which aborts the WebSocket, so either
    /// loop may see the abort first: the stall is the reason whichever does.
    /// </summary>
    private void StopForFailure(Exception exception, CancellationTokenSource stall)
    {
        if (stall.IsCancellationRequested)
        {
            Stop(ListenEndReason.Stall, $"a send to the agent took longer than {StallTimeout.TotalSeconds} s");
        }
        else
        {
            Stop(ListenEndReason.Error, Describe(exception));
        }
    }

    private static void Reset(CancellationTokenSource stall)
    {
        // Waiting for audio is not a stall: only a send is timed.
        if (!stall.TryReset())
        {
            throw new OperationCanceledException(stall.Token);
        }
    }

    private async Task ReceiveLoopAsync(WebSocket socket, CancellationTokenSource stall, CancellationToken aborting)
    {
        var buffer = new byte[ReceiveBufferBytes];
        var text = new MemoryStream();
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer.AsMemory(), aborting).ConfigureAwait(false);
                switch (received.MessageType)
                {
                    case WebSocketMessageType.Close:
                        Stop(ListenEndReason.Closed);
                        return;
                    case WebSocketMessageType.Binary:
                        _wire.OnBinary(buffer.AsSpan(0, received.Count), this);
                        break;
                    case WebSocketMessageType.Text when text.Length + received.Count > MaxTextBytes:
                        Stop(ListenEndReason.Error, $"the agent sent a text message over {MaxTextBytes} bytes");
                        return;
                    case WebSocketMessageType.Text when received.EndOfMessage && text.Length == 0:
                        _wire.OnText(buffer.AsSpan(0, received.Count), this);
                        break;
                    case WebSocketMessageType.Text:
                        text.Write(buffer, 0, received.Count);
                        if (received.EndOfMessage)
                        {
                            _wire.OnText(text.GetBuffer().AsSpan(0, (int)text.Length), this);
                            text.SetLength(0);
                        }

                        break;
                }
            }
        }
        catch (OperationCanceledException) when (aborting.IsCancellationRequested)
        {
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            // A stalled send's cancellation aborts the WebSocket under this receive too.
            StopForFailure(exception, stall);
        }
    }

    void IAgentCommands.PlayLinear16(ReadOnlySpan<byte> audio, int sampleRate) => _agentAudio?.PlayLinear16(audio, sampleRate);

    void IAgentCommands.PlayMuLaw(ReadOnlySpan<byte> audio) => _agentAudio?.PlayMuLaw(audio);

    void IAgentCommands.KillAudio() => Playout?.Clear();

    void IAgentCommands.Mark(string name)
    {
        if (Playout is { } playout)
        {
            playout.Mark(name, AgentMark);
        }
        else
        {
            // Nothing plays, so nothing comes before the mark.
            Enqueue(new MarkStreamEvent(name, Cleared: false));
        }
    }

    void IAgentCommands.PlayDone(string? id)
    {
        if (Playout is { } playout)
        {
            playout.Mark(id ?? string.Empty, PlayDoneMark);
        }
        else
        {
            Enqueue(new PlayDoneStreamEvent(id));
        }
    }

    void IAgentCommands.ClearMarks() => Playout?.ClearMarks(AgentMark);

    void IAgentCommands.Disconnect() => Stop(ListenEndReason.Disconnect);

    void IAgentCommands.Malformed(string reason) => Stop(ListenEndReason.Error, reason);

    /// <summary>Media clock thread: queued for the send loop.</summary>
    void IPlayoutMarkObserver.OnMarkReached(string name, int kind, bool cleared) =>
        Enqueue(kind == PlayDoneMark ? new PlayDoneStreamEvent(name.Length == 0 ? null : name) : new MarkStreamEvent(name, cleared));

    private void Enqueue(StreamEvent streamEvent)
    {
        _events.Enqueue(streamEvent);
        Capture.Frames.Signal.Set();
    }

    private static string Describe(Exception exception) =>
        exception.InnerException is { } inner ? $"{exception.Message} ({inner.Message})" : exception.Message;
}
