using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Switchboard.Sip.Metrics;

namespace Switchboard.Sip.Transport;

/// <summary>
/// SIP over TCP (RFC 3261 §18): listens for connections and reuses one connection per remote end point for
/// sending, whichever side opened it (RFC 3261 §18.1.1, §18.2.2). Inbound connections are held to
/// <see cref="SipTcpLimits"/> (<see cref="TcpConnectionQuota"/>), and every connection closes when idle or when a
/// message dribbles in too slowly, so peers cannot run the process out of file descriptors.
/// </summary>
public sealed class TcpSipTransport : ISipTransport
{
    private readonly IPEndPoint _bindEndPoint;
    private readonly TimeProvider _time;
    private readonly SipTcpLimits _limits;
    private readonly TcpConnectionQuota _quota;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<IPEndPoint, TcpSipConnection> _connections = new();
    private readonly CancellationTokenSource _stopping = new();
    private Socket? _listener;
    private ISipTransportHandler? _handler;
    private Task _acceptLoop = Task.CompletedTask;
    private bool _atLimit;

    /// <exception cref="ArgumentException"><paramref name="limits"/> are not valid (<see cref="SipTcpLimitsValidator"/>).</exception>
    public TcpSipTransport(IPEndPoint bindEndPoint, TimeProvider time, SipTcpLimits limits, ILogger<TcpSipTransport> logger)
    {
        SipTcpLimitsValidator.ThrowIfInvalid(limits);
        _bindEndPoint = bindEndPoint;
        _time = time;
        _limits = limits;
        _quota = new TcpConnectionQuota(limits);
        _logger = logger;
    }

    /// <summary>How long accepting waits after a failure (e.g. no descriptor left) before it tries again.</summary>
    public static TimeSpan AcceptRetryDelay { get; } = TimeSpan.FromMilliseconds(100);

    public string Protocol => "TCP";

    public bool IsReliable => true;

    public IPEndPoint LocalEndPoint =>
        (IPEndPoint?)_listener?.LocalEndPoint ?? throw new InvalidOperationException("The transport is not started.");

    /// <summary>Open connections, for tests and diagnostics.</summary>
    public int ConnectionCount => _connections.Count;

    /// <summary>Open connections that peers opened, as counted against <see cref="SipTcpLimits"/>.</summary>
    public int InboundConnectionCount => _quota.Count;

    /// <summary>Connections holding part of a message, waiting for the rest; for tests and diagnostics.</summary>
    internal int PartialMessageCount => _connections.Values.Count(connection => connection.HasPartialMessage);

    public Task StartAsync(ISipTransportHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        cancellationToken.ThrowIfCancellationRequested();
        if (_listener is not null)
        {
            throw new InvalidOperationException("The transport is already started.");
        }

        var listener = new Socket(_bindEndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(_bindEndPoint);
            listener.Listen();
        }
        catch
        {
            listener.Dispose();
            throw;
        }

        _handler = handler;
        _listener = listener;
        Log.TcpListening(_logger, LocalEndPoint);
        _acceptLoop = Task.Run(() => AcceptLoopAsync(listener, _stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Queues the message on the connection to <paramref name="destination"/>, opening one if needed.</summary>
    public void Send(ReadOnlySpan<byte> message, IPEndPoint destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var handler = _handler ?? throw new InvalidOperationException("The transport is not started.");
        if (_stopping.IsCancellationRequested)
        {
            throw new SocketException((int)SocketError.Shutdown);
        }

        SipMetrics.CountSent(message);
        while (true)
        {
            if (_connections.TryGetValue(destination, out var existing))
            {
                if (existing.TrySend(message))
                {
                    return;
                }

                _connections.TryRemove(new KeyValuePair<IPEndPoint, TcpSipConnection>(destination, existing));
                continue;
            }

            var socket = new Socket(destination.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            var connection = new TcpSipConnection(socket, destination, handler, _time, _limits, _logger, Remove);
            if (!_connections.TryAdd(destination, connection))
            {
                socket.Dispose();
                continue;
            }

            connection.TrySend(message);
            connection.Start(token => socket.ConnectAsync(destination, token).AsTask());
            return;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener?.Dispose();
        await _acceptLoop.ConfigureAwait(false);
        foreach (var connection in _connections.Values)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync(Socket listener, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                Socket socket;
                try
                {
                    socket = await listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (SocketException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    // Out of descriptors (EMFILE, ENFILE) or a peer that reset before we took it: keep listening,
                    // after a pause so a persistent failure does not spin.
                    Log.AcceptFailed(_logger, ex.SocketErrorCode);
                    await Task.Delay(AcceptRetryDelay, _time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                Admit(socket);
            }
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }

    private void Admit(Socket socket)
    {
        IPEndPoint remote;
        try
        {
            socket.NoDelay = true;
            remote = (IPEndPoint)socket.RemoteEndPoint!;
        }
        catch (SocketException)
        {
            socket.Dispose();
            return;
        }

        var connection = _quota.TryAdmit(remote, () => new TcpSipConnection(socket, remote, _handler!, _time, _limits, _logger, Remove), out var evicted, out var limit);
        if (limit is null)
        {
            _atLimit = false;
        }
        else if (!_atLimit)
        {
            _atLimit = true;
            Log.ConnectionLimitReached(_logger, limit);
        }

        if (connection is null)
        {
            // Refused at once: accepting and closing frees the backlog slot and tells the peer, where leaving it
            // queued would hold a descriptor in the kernel until the peer gives up.
            Log.ConnectionRefused(_logger, remote, limit!);
            socket.Dispose();
            return;
        }

        evicted?.Abort($"closed to make room for a newer connection ({limit} reached)");

        // The newest connection from a peer carries our responses to it (RFC 3261 §18.2.2).
        _connections[remote] = connection;
        connection.Start(connect: null);
    }

    private void Remove(TcpSipConnection connection)
    {
        _quota.Release(connection);
        _connections.TryRemove(new KeyValuePair<IPEndPoint, TcpSipConnection>(connection.Remote, connection));
        if (connection.LostMessages && !_stopping.IsCancellationRequested)
        {
            _handler?.OnConnectionFailed(connection.Remote);
        }
    }
}
