using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Transport;

/// <summary>
/// One TCP connection (RFC 3261 §18.1.1, §18.2.2): reads whole messages with <see cref="SipStreamFramer"/> and
/// writes queued messages in order. RFC 3261 §18 leaves the idle policy to the implementation: it closes itself
/// after <see cref="SipTcpLimits.IdleTimeout"/> without a complete message either way unless the handler says a call
/// still needs it, and when a message is not whole within <see cref="SipTcpLimits.MessageTimeout"/> of its first byte.
/// </summary>
internal sealed class TcpSipConnection : IAsyncDisposable
{
    /// <summary>How long answers already queued may take to go out when the peer closes or breaks the framing.</summary>
    private static readonly TimeSpan FlushPatience = TimeSpan.FromSeconds(1);

    private readonly Socket _socket;
    private readonly TimeProvider _time;
    private readonly ISipTransportHandler _handler;
    private readonly ILogger _logger;
    private readonly Action<TcpSipConnection> _onClosed;
    private readonly Channel<byte[]> _outbound = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _closing = new();
    private readonly ITimer _idleTimer;
    private readonly ITimer _messageTimer;
    private readonly SipTcpLimits _limits;
    private Task _running = Task.CompletedTask;
    private bool _connected;
    private volatile bool _messagePending;
    private volatile string? _closeReason;

    public TcpSipConnection(Socket socket, IPEndPoint remote, ISipTransportHandler handler, TimeProvider time, SipTcpLimits limits, ILogger logger, Action<TcpSipConnection> onClosed)
    {
        _socket = socket;
        _time = time;
        Remote = remote;
        _handler = handler;
        _logger = logger;
        _onClosed = onClosed;
        _limits = limits;
        _idleTimer = time.CreateTimer(static state => ((TcpSipConnection)state!).OnIdle(), this, limits.IdleTimeout, Timeout.InfiniteTimeSpan);
        _messageTimer = time.CreateTimer(static state => ((TcpSipConnection)state!).OnMessageTimeout(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public IPEndPoint Remote { get; }

    /// <summary>True while part of a message has arrived and the rest has not; for tests and diagnostics.</summary>
    internal bool HasPartialMessage => _messagePending;

    /// <summary>
    /// True when closing it loses nothing now: no message half received, nothing queued to send, and no call that
    /// needs it (or it is closing anyway). The connection limit closes such a connection to make room.
    /// </summary>
    public bool IsIdle =>
        _closing.IsCancellationRequested
        || (!_messagePending && !_outbound.Reader.TryPeek(out _) && !_handler.IsInUse(Remote));

    /// <summary>
    /// Set once closed: true when the connection never came up, or went down with messages still queued, so what
    /// was sent through it is lost and the transactions behind it must fail (RFC 3261 §17.1.4).
    /// </summary>
    public bool LostMessages { get; private set; }

    /// <summary>Starts reading and writing; <paramref name="connect"/> runs first for an outbound connection.</summary>
    public void Start(Func<CancellationToken, Task>? connect) =>
        _running = Task.Run(() => RunAsync(connect), CancellationToken.None);

    /// <summary>Queues a copy of <paramref name="message"/>; false when the connection is closing.</summary>
    public bool TrySend(ReadOnlySpan<byte> message) => !_closing.IsCancellationRequested && _outbound.Writer.TryWrite(message.ToArray());

    /// <summary>Closes the connection at once, freeing its socket, for <paramref name="reason"/> (logged).</summary>
    public void Abort(string reason)
    {
        Close(reason);
        _socket.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _closing.CancelAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
        }

        await _running.ConfigureAwait(false);
    }

    private async Task RunAsync(Func<CancellationToken, Task>? connect)
    {
        var token = _closing.Token;
        try
        {
            if (connect is not null)
            {
                await connect(token).ConfigureAwait(false);
            }

            _connected = true;

            await using var stream = new NetworkStream(_socket, ownsSocket: false);
            // Each side leaves the stream open: the reader ends first when the peer closes or breaks the framing, and
            // the writer must still send what is queued.
            var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
            var writer = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
            var reading = ReadLoopAsync(reader, token);
            var writing = WriteLoopAsync(writer, token);
            if (await Task.WhenAny(reading, writing).ConfigureAwait(false) == reading && !token.IsCancellationRequested)
            {
                // The peer closed, or broke the framing (RFC 3261 §18.3): the answers to the messages it sent before
                // that go out before the connection closes, those still being made included, within a short bound.
                await Task.WhenAny(_handler.WhenAnsweredAsync(Remote), Task.Delay(FlushPatience, _time, token)).ConfigureAwait(false);
                _outbound.Writer.TryComplete();
                await Task.WhenAny(writing, Task.Delay(FlushPatience, _time)).ConfigureAwait(false);
            }

            await _closing.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(reading, writing).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
            Log.ConnectionClosed(_logger, Remote, _closeReason ?? ex.Message);
        }
        finally
        {
            _outbound.Writer.TryComplete();
            LostMessages = !_connected || _outbound.Reader.TryPeek(out _);
            await _idleTimer.DisposeAsync().ConfigureAwait(false);
            await _messageTimer.DisposeAsync().ConfigureAwait(false);
            _socket.Dispose();
            _onClosed(this);
        }
    }

    private async Task ReadLoopAsync(PipeReader input, CancellationToken token)
    {
        try
        {
            while (true)
            {
                var result = await input.ReadAsync(token).ConfigureAwait(false);
                var buffer = result.Buffer;
                var reader = new SequenceReader<byte>(buffer);
                SipParseError? error;
                var delivered = false;
                while (SipStreamFramer.TryReadMessage(ref reader, out var message, out error))
                {
                    delivered = true;
                    _idleTimer.Change(_limits.IdleTimeout, Timeout.InfiniteTimeSpan);
                    Deliver(message);
                }

                if (error is not null)
                {
                    RefuseUnframed(reader, error);
                }

                TrackPartialMessage(reader.Remaining > 0, delivered);
                input.AdvanceTo(reader.Position, buffer.End);
                if (error is not null)
                {
                    // RFC 3261 §18.3: without a boundary the rest of the stream is unusable, so the connection closes.
                    Log.FramingFailed(_logger, Remote, error.Reason);
                    return;
                }

                if (result.IsCompleted || result.IsCanceled)
                {
                    return;
                }
            }
        }
        finally
        {
            await input.CompleteAsync().ConfigureAwait(false);
        }
    }

    private void Deliver(ReadOnlySequence<byte> message)
    {
        try
        {
            if (message.IsSingleSegment)
            {
                _handler.OnMessageReceived(message.FirstSpan, Remote);
            }
            else
            {
                _handler.OnMessageReceived(message.ToArray(), Remote);
            }
        }
#pragma warning disable CA1031 // One bad message must not take the connection down.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.HandlerFailed(_logger, Remote, ex);
        }
    }

    /// <summary>
    /// RFC 3261 §18.3 leaves a stream without a message boundary unusable, but when the header section is whole the
    /// request in it can still be refused (RFC 4475 §3.1.2.3, §3.3.9) before the connection closes.
    /// </summary>
    private void RefuseUnframed(SequenceReader<byte> reader, SipParseError error)
    {
        if (error.Kind is not (SipParseErrorKind.Framing or SipParseErrorKind.InvalidContentLength)
            || !SipStreamFramer.TryReadHeaderSection(reader, out var headerSection))
        {
            return;
        }

        try
        {
            _handler.OnUnframedMessage(headerSection.IsSingleSegment ? headerSection.FirstSpan : headerSection.ToArray(), error, Remote);
        }
#pragma warning disable CA1031 // The connection still closes in order.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.HandlerFailed(_logger, Remote, ex);
        }
    }

    private async Task WriteLoopAsync(PipeWriter output, CancellationToken token)
    {
        try
        {
            await foreach (var message in _outbound.Reader.ReadAllAsync(token).ConfigureAwait(false))
            {
                _idleTimer.Change(_limits.IdleTimeout, Timeout.InfiniteTimeSpan);
                await output.WriteAsync(message, token).ConfigureAwait(false);
            }
        }
        finally
        {
            await output.CompleteAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Times the message being received: the clock starts at its first byte (the framer has already skipped
    /// keep-alive CRLFs, so what is left is the start of a message) and stops when no part of one is left.
    /// </summary>
    private void TrackPartialMessage(bool partial, bool delivered)
    {
        if (!partial)
        {
            if (_messagePending)
            {
                _messagePending = false;
                _messageTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }
        }
        else if (!_messagePending || delivered)
        {
            _messagePending = true;
            _messageTimer.Change(_limits.MessageTimeout, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnIdle()
    {
        if (_handler.IsInUse(Remote))
        {
            _idleTimer.Change(_limits.IdleTimeout, Timeout.InfiniteTimeSpan);
            return;
        }

        Close($"no message for {_limits.IdleTimeout.TotalSeconds} s");
    }

    private void OnMessageTimeout() => Close($"message not complete within {_limits.MessageTimeout.TotalSeconds} s");

    private void Close(string reason)
    {
        _closeReason ??= reason;
        try
        {
            _closing.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
