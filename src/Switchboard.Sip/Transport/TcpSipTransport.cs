using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Switchboard.Sip.Transport;

/// <summary>
/// SIP over TCP (RFC 3261 §18): listens for connections and reuses one connection per remote end point for
/// sending, whichever side opened it (RFC 3261 §18.1.1, §18.2.2). Connections close after an idle period.
/// </summary>
public sealed class TcpSipTransport : ISipTransport
{
    private readonly IPEndPoint _bindEndPoint;
    private readonly TimeProvider _time;
    private readonly TimeSpan _idleTimeout;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<IPEndPoint, TcpSipConnection> _connections = new();
    private readonly CancellationTokenSource _stopping = new();
    private Socket? _listener;
    private ISipTransportHandler? _handler;
    private Task _acceptLoop = Task.CompletedTask;

    public TcpSipTransport(IPEndPoint bindEndPoint, TimeProvider time, TimeSpan idleTimeout, ILogger<TcpSipTransport> logger)
    {
        _bindEndPoint = bindEndPoint;
        _time = time;
        _idleTimeout = idleTimeout;
        _logger = logger;
    }

    public string Protocol => "TCP";

    public bool IsReliable => true;

    public IPEndPoint LocalEndPoint =>
        (IPEndPoint?)_listener?.LocalEndPoint ?? throw new InvalidOperationException("The transport is not started.");

    /// <summary>Open connections, for tests and diagnostics.</summary>
    public int ConnectionCount => _connections.Count;

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
            var connection = new TcpSipConnection(socket, destination, handler, _time, _idleTimeout, _logger, Remove);
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
                var socket = await listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
                socket.NoDelay = true;
                var remote = (IPEndPoint)socket.RemoteEndPoint!;
                var connection = new TcpSipConnection(socket, remote, _handler!, _time, _idleTimeout, _logger, Remove);

                // The newest connection from a peer carries our responses to it (RFC 3261 §18.2.2).
                _connections[remote] = connection;
                connection.Start(connect: null);
            }
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }

    private void Remove(TcpSipConnection connection)
    {
        _connections.TryRemove(new KeyValuePair<IPEndPoint, TcpSipConnection>(connection.Remote, connection));
        if (connection.LostMessages && !_stopping.IsCancellationRequested)
        {
            _handler?.OnConnectionFailed(connection.Remote);
        }
    }
}
