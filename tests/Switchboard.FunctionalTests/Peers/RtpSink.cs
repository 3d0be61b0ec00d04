using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Switchboard.FunctionalTests.Peers;

/// <summary>
/// Where the callee's SDP points Switchboard's audio: a UDP socket on 127.0.0.1 that records every packet with
/// its arrival time, so the test can judge what the callee heard and how it was paced.
/// </summary>
internal sealed class RtpSink : IAsyncDisposable
{
    private readonly UdpClient _socket;
    private readonly List<(long Ticks, byte[] Packet)> _packets = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private RtpSink(UdpClient socket)
    {
        _socket = socket;
        _loop = ReceiveAsync();
    }

    public int Port => ((IPEndPoint)_socket.Client.LocalEndPoint!).Port;

    public static RtpSink Start() => new(new UdpClient(new IPEndPoint(IPAddress.Loopback, FreePort.Udp())));

    /// <summary>The packets so far, each with its arrival time in <see cref="Stopwatch"/> ticks.</summary>
    public IReadOnlyList<(long Ticks, byte[] Packet)> Packets
    {
        get
        {
            lock (_packets)
            {
                return _packets.ToArray();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        try
        {
            await _loop;
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }

    private async Task ReceiveAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var result = await _socket.ReceiveAsync(_stop.Token);
            lock (_packets)
            {
                _packets.Add((Stopwatch.GetTimestamp(), result.Buffer));
            }
        }
    }
}
