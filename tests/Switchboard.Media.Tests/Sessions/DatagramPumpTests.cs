using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Media.Sessions;

namespace Switchboard.Media.Tests.Sessions;

/// <summary>Both receive pumps: datagrams reach their socket's handler, and nothing after unregistering.</summary>
public sealed class DatagramPumpTests
{
    public static TheoryData<string> Pumps => ["epoll", "task"];

    [Theory]
    [MemberData(nameof(Pumps))]
    public async Task EachSocketsDatagrams_ReachItsHandler_WithTheirSource_UntilUnregistered(string kind)
    {
        using IDatagramPump pump = kind == "epoll" ? new EpollDatagramPump(NullLogger.Instance) : new TaskDatagramPump(NullLogger.Instance);
        using var first = Bound();
        using var second = Bound();
        var a = new Collecting();
        var b = new Collecting();
        var registrationA = pump.Register(first, a, 1);
        await using var registrationB = pump.Register(second, b, 2);
        using var sender = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));

        for (byte i = 0; i < 50; i++)
        {
            await sender.SendAsync(new[] { i }, (IPEndPoint)(i % 2 == 0 ? first : second).LocalEndPoint!);
        }

        await MediaSessionSymmetricRtpTests.WaitUntilAsync(() => a.Datagrams.Count == 25 && b.Datagrams.Count == 25);
        Assert.Equal(Enumerable.Range(0, 25).Select(i => (byte)(i * 2)), a.Datagrams.Select(d => d.Payload));
        Assert.All(a.Datagrams, d => Assert.Equal(sender.Client.LocalEndPoint, d.Source));

        await registrationA.DisposeAsync();
        await sender.SendAsync(new byte[] { 99 }, (IPEndPoint)first.LocalEndPoint!);
        await sender.SendAsync(new byte[] { 98 }, (IPEndPoint)second.LocalEndPoint!);
        await MediaSessionSymmetricRtpTests.WaitUntilAsync(() => b.Datagrams.Count == 26);
        Assert.Equal(25, a.Datagrams.Count);
    }

    private static Socket Bound()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }

    private sealed class Collecting : IDatagramHandler
    {
        public ConcurrentQueue<(byte Payload, IPEndPoint Source)> Datagrams { get; } = new();

        public void Handle(ReadOnlySpan<byte> datagram, SocketAddress source) =>
            Datagrams.Enqueue((datagram[0], (IPEndPoint)new IPEndPoint(IPAddress.Any, 0).Create(source)));

        public void OnBadDatagram()
        {
        }
    }
}
