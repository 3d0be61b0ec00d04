using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Switchboard.Sip.Metrics;

namespace Switchboard.Sip.Transport;

/// <summary>
/// One UDP socket for sending and receiving (RFC 3261 §18.1.1 / §18.2.1). The receive loop reuses one pooled
/// buffer and one <see cref="SocketAddress"/>, so an idle-to-busy loop allocates only what the handler keeps.
/// </summary>
public sealed class UdpSipTransport : ISipTransport
{
    // RFC 3261 §18.1.1 allows UDP messages up to the IP limit; 64 KiB holds any datagram.
    private const int MaxDatagramSize = 65_536;

    // The kernel's default receive buffer (Linux rmem_default, 208 KiB) holds about 160 SIP requests: under 200 ms
    // at 300 calls/s. When this process stops running for longer (a GC pause, a busy machine) the rest is lost, and
    // each lost request costs its sender a retransmission T1 = 500 ms later (RFC 3261 §17.1.1.2, §17.1.2.2). 4 MiB
    // rides out seconds; Linux caps the request at net.core.rmem_max, and memory is only taken while a backlog waits.
    private const int ReceiveBufferBytes = 4 * 1024 * 1024;

    private readonly IPEndPoint _bindEndPoint;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private Socket? _socket;
    private Task _receiveLoop = Task.CompletedTask;

    public UdpSipTransport(IPEndPoint bindEndPoint, ILogger<UdpSipTransport> logger)
    {
        _bindEndPoint = bindEndPoint;
        _logger = logger;
    }

    public string Protocol => "UDP";

    public bool IsReliable => false;

    public IPEndPoint LocalEndPoint =>
        (IPEndPoint?)_socket?.LocalEndPoint ?? throw new InvalidOperationException("The transport is not started.");

    /// <summary>The receive buffer the operating system granted, in bytes (Linux reports twice what it holds for data).</summary>
    public int ReceiveBufferSize =>
        _socket?.ReceiveBufferSize ?? throw new InvalidOperationException("The transport is not started.");

    public Task StartAsync(ISipTransportHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        cancellationToken.ThrowIfCancellationRequested();
        if (_socket is not null)
        {
            throw new InvalidOperationException("The transport is already started.");
        }

        var socket = new Socket(_bindEndPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.ReceiveBufferSize = ReceiveBufferBytes;
            socket.Bind(_bindEndPoint);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        _socket = socket;
        Log.Listening(_logger, LocalEndPoint);
        _receiveLoop = Task.Run(() => ReceiveLoopAsync(socket, handler, _stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public void Send(ReadOnlySpan<byte> message, IPEndPoint destination)
    {
        var socket = _socket ?? throw new InvalidOperationException("The transport is not started.");
        if (_stopping.IsCancellationRequested)
        {
            throw new SocketException((int)SocketError.Shutdown);
        }

        SipMetrics.CountSent(message);
        try
        {
            socket.SendTo(message, SocketFlags.None, destination);
        }
        catch (ObjectDisposedException)
        {
            // A transaction timer may fire while the transport shuts down; report it like any failed send.
            throw new SocketException((int)SocketError.Shutdown);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _socket?.Dispose();
        await _receiveLoop.ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task ReceiveLoopAsync(Socket socket, ISipTransportHandler handler, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxDatagramSize);
        var address = new SocketAddress(socket.AddressFamily);
        var endPointFactory = new IPEndPoint(socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                int received;
                try
                {
                    received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, address, cancellationToken).ConfigureAwait(false);
                }
                catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
                {
                    // An ICMP port-unreachable for an earlier send surfaces here on some platforms; not fatal.
                    continue;
                }

                var remote = (IPEndPoint)endPointFactory.Create(address);
                try
                {
                    handler.OnMessageReceived(buffer.AsSpan(0, received), remote);
                }
#pragma warning disable CA1031 // The receive loop must survive any handler failure.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    Log.HandlerFailed(_logger, remote, ex);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (ObjectDisposedException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (SocketException ex) when (cancellationToken.IsCancellationRequested)
        {
            Log.ReceiveStopped(_logger, ex.SocketErrorCode);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
