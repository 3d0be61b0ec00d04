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
    private readonly TaskCompletionSource<IPEndPoint> _firstSource = new(TaskCreationOptions.RunContinuationsAsynchronously);
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

    /// <summary>
    /// Speaks from this socket to whoever sent the first packet here, <paramref name="frameMilliseconds"/> apart:
    /// the sink then is the callee's whole media endpoint, so Switchboard's symmetric-RTP latch stays on the
    /// address the SDP named and what it sends keeps arriving here.
    /// </summary>
    public async Task SpeakAsync(IReadOnlyList<byte[]> payloads, int payloadType, int frameMilliseconds, CancellationToken cancellationToken)
    {
        var destination = await _firstSource.Task.WaitAsync(cancellationToken);
        using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(frameMilliseconds));
        var ssrc = (uint)Random.Shared.Next();
        uint timestamp = 0;
        for (var i = 0; i < payloads.Count; i++)
        {
            var packet = new byte[12 + payloads[i].Length];
            packet[0] = 0x80;
            packet[1] = (byte)(payloadType | (i == 0 ? 0x80 : 0));
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), (ushort)(1000 + i));
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), timestamp);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), ssrc);
            payloads[i].CopyTo(packet.AsSpan(12));
            timestamp += (uint)payloads[i].Length;
            await _socket.SendAsync(packet, destination, cancellationToken);
            await pace.WaitForNextTickAsync(cancellationToken);
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
            _firstSource.TrySetResult(result.RemoteEndPoint);
            lock (_packets)
            {
                _packets.Add((Stopwatch.GetTimestamp(), result.Buffer));
            }
        }
    }
}
