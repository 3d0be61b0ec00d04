using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Tests.Transport;

public class UdpSipTransportTests
{
    /// <summary>Holds the receive loop on the first message until released: the process stalls, the peer keeps sending.</summary>
    sealed class StalledInbox : ISipTransportHandler
    {
        readonly ManualResetEventSlim _release = new();
        int _received;

        public int Received => Volatile.Read(ref _received);

        public void Release() => _release.Set();

        public void OnMessageReceived(ReadOnlySpan<byte> message, IPEndPoint remote)
        {
            if (Interlocked.Increment(ref _received) == 1)
            {
                _release.Wait(TimeSpan.FromSeconds(10));
            }
        }
    }

    [Fact]
    public async Task Start_AsksForAReceiveBufferLargerThanTheSystemDefault()
    {
        await using var transport = new UdpSipTransport(new IPEndPoint(IPAddress.Loopback, 0), NullLogger<UdpSipTransport>.Instance);
        using var plain = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

        await transport.StartAsync(new StalledInbox(), CancellationToken.None);

        Assert.True(transport.ReceiveBufferSize > plain.ReceiveBufferSize, $"granted {transport.ReceiveBufferSize} bytes, the default is {plain.ReceiveBufferSize}");
    }

    [Fact]
    public async Task Receive_WhileTheHandlerIsStalled_KeepsABurstTheDefaultBufferWouldLose()
    {
        // 250 requests of 600 bytes: the Linux default buffer holds about 160 of them; what the transport asks for
        // holds them all even where rmem_max is left at its default.
        const int Burst = 250;
        await using var transport = new UdpSipTransport(new IPEndPoint(IPAddress.Loopback, 0), NullLogger<UdpSipTransport>.Instance);
        var inbox = new StalledInbox();
        await transport.StartAsync(inbox, CancellationToken.None);
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var request = new byte[600];

        peer.SendTo(request, transport.LocalEndPoint);
        await WaitUntilAsync(() => inbox.Received == 1);
        for (var i = 0; i < Burst; i++)
        {
            peer.SendTo(request, transport.LocalEndPoint);
        }

        inbox.Release();
        await WaitUntilAsync(() => inbox.Received == Burst + 1);
        await Task.Delay(100);
        Assert.Equal(Burst + 1, inbox.Received);
    }

    static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
    }
}
