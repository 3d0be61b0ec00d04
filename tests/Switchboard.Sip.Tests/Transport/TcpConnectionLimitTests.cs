using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Tests.Transport;

/// <summary>
/// The inbound connection limits and timeouts of <see cref="TcpSipTransport"/>, over real loopback sockets with the
/// clock in the test's hands.
/// </summary>
public class TcpConnectionLimitTests
{
    const string Options = "OPTIONS sip:sb@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:5999;branch=z9hG4bKlim\r\n" +
        "From: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:sb@127.0.0.1>\r\nCall-ID: lim\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";

    sealed class Inbox : ISipTransportHandler
    {
        public volatile bool InUse;
        public int Received;

        public void OnMessageReceived(ReadOnlySpan<byte> message, IPEndPoint remote) => Interlocked.Increment(ref Received);

        public bool IsInUse(IPEndPoint remote) => InUse;
    }

    sealed class Server : IAsyncDisposable
    {
        public required TcpSipTransport Transport { get; init; }
        public required Inbox Inbox { get; init; }
        public List<Socket> Clients { get; } = [];

        public async Task<Socket> ConnectAsync(string from = "127.0.0.1")
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            Clients.Add(socket);
            socket.Bind(new IPEndPoint(IPAddress.Parse(from), 0));
            await socket.ConnectAsync(Transport.LocalEndPoint);
            return socket;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var client in Clients)
            {
                client.Dispose();
            }

            await Transport.DisposeAsync();
        }
    }

    static async Task<Server> StartAsync(TimeProvider time, SipTcpLimits limits)
    {
        var server = new Server
        {
            Transport = new TcpSipTransport(new IPEndPoint(IPAddress.Loopback, 0), time, limits, NullLogger<TcpSipTransport>.Instance),
            Inbox = new Inbox(),
        };
        await server.Transport.StartAsync(server.Inbox, CancellationToken.None);
        return server;
    }

    /// <summary>True once the server closed <paramref name="socket"/> (a read sees the end of the stream).</summary>
    static async Task<bool> ClosedWithinAsync(Socket socket, double seconds)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            var buffer = new byte[512];
            while (true)
            {
                if (await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token) == 0)
                {
                    return true;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(5, timeout.Token);
        }
    }

    [Fact]
    public async Task PerAddressLimit_Reached_ClosesTheNewestIdleConnectionForTheNewOne()
    {
        await using var server = await StartAsync(new ManualTimeProvider(), new SipTcpLimits { MaxConnections = 10, MaxConnectionsPerAddress = 3 });
        var first = await server.ConnectAsync();
        var second = await server.ConnectAsync();
        var third = await server.ConnectAsync();
        await WaitUntilAsync(() => server.Transport.InboundConnectionCount == 3);

        var fourth = await server.ConnectAsync();

        Assert.True(await ClosedWithinAsync(third, 5));
        await WaitUntilAsync(() => server.Transport.ConnectionCount == 3);
        Assert.Equal(3, server.Transport.InboundConnectionCount);
        await fourth.SendAsync(Encoding.ASCII.GetBytes(Options));
        await WaitUntilAsync(() => Volatile.Read(ref server.Inbox.Received) == 1);
        Assert.False(await ClosedWithinAsync(first, 0.2));
        Assert.False(await ClosedWithinAsync(second, 0.2));
    }

    [Fact]
    public async Task TotalLimit_Reached_ClosesTheNewestIdleConnectionOfAnyAddress()
    {
        await using var server = await StartAsync(new ManualTimeProvider(), new SipTcpLimits { MaxConnections = 3, MaxConnectionsPerAddress = 3 });
        var first = await server.ConnectAsync("127.0.0.1");
        var second = await server.ConnectAsync("127.0.0.1");
        var other = await server.ConnectAsync("127.0.0.2");
        await WaitUntilAsync(() => server.Transport.InboundConnectionCount == 3);

        await server.ConnectAsync("127.0.0.3");

        Assert.True(await ClosedWithinAsync(other, 5));
        Assert.False(await ClosedWithinAsync(first, 0.2));
        Assert.False(await ClosedWithinAsync(second, 0.2));
        Assert.Equal(3, server.Transport.InboundConnectionCount);
    }

    [Fact]
    public async Task Limit_Reached_WithNoIdleConnection_RefusesTheNewOneAtOnce()
    {
        await using var server = await StartAsync(new ManualTimeProvider(), new SipTcpLimits { MaxConnections = 10, MaxConnectionsPerAddress = 2 });
        server.Inbox.InUse = true;
        var first = await server.ConnectAsync();
        var second = await server.ConnectAsync();
        await WaitUntilAsync(() => server.Transport.InboundConnectionCount == 2);

        var refused = await server.ConnectAsync();

        Assert.True(await ClosedWithinAsync(refused, 5));
        Assert.False(await ClosedWithinAsync(first, 0.2));
        Assert.False(await ClosedWithinAsync(second, 0.2));
        Assert.Equal(2, server.Transport.InboundConnectionCount);
    }

    [Fact]
    public async Task PartialMessage_MakesAConnectionNotIdle_SoTheNewOneIsRefused()
    {
        await using var server = await StartAsync(new ManualTimeProvider(), new SipTcpLimits { MaxConnections = 10, MaxConnectionsPerAddress = 1 });
        var sending = await server.ConnectAsync();
        await sending.SendAsync(Encoding.ASCII.GetBytes(Options[..40]));
        await WaitUntilAsync(() => server.Transport.PartialMessageCount == 1);

        var refused = await server.ConnectAsync();

        Assert.True(await ClosedWithinAsync(refused, 5));
        Assert.False(await ClosedWithinAsync(sending, 0.2));
    }

    [Fact]
    public async Task IdleConnection_IsKeptWhileInUse_AndClosedAfterTheIdleTimeoutOnceNot()
    {
        var time = new ManualTimeProvider();
        await using var server = await StartAsync(time, new SipTcpLimits { IdleTimeout = TimeSpan.FromSeconds(30) });
        var client = await server.ConnectAsync();
        await client.SendAsync(Encoding.ASCII.GetBytes(Options));
        await WaitUntilAsync(() => Volatile.Read(ref server.Inbox.Received) == 1);
        server.Inbox.InUse = true;

        time.Advance(TimeSpan.FromSeconds(31));
        Assert.False(await ClosedWithinAsync(client, 0.3));
        server.Inbox.InUse = false;

        // Found in use at 30 s, the connection was given another 30 s from then.
        time.Advance(TimeSpan.FromSeconds(28));
        Assert.False(await ClosedWithinAsync(client, 0.3));
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.True(await ClosedWithinAsync(client, 5));
        await WaitUntilAsync(() => server.Transport.InboundConnectionCount == 0);
    }

    [Fact]
    public async Task ConnectionThatNeverSendsAMessage_IsClosedAfterTheIdleTimeout()
    {
        var time = new ManualTimeProvider();
        await using var server = await StartAsync(time, new SipTcpLimits { IdleTimeout = TimeSpan.FromSeconds(30) });
        var client = await server.ConnectAsync();
        await WaitUntilAsync(() => server.Transport.InboundConnectionCount == 1);
        await client.SendAsync("\r\n\r\n"u8.ToArray());

        time.Advance(TimeSpan.FromSeconds(31));

        Assert.True(await ClosedWithinAsync(client, 5));
    }

    [Fact]
    public async Task MessageNotWholeWithinTheMessageTimeout_ClosesTheConnection_CountedFromItsFirstByte()
    {
        var time = new ManualTimeProvider();
        await using var server = await StartAsync(time, new SipTcpLimits { MessageTimeout = TimeSpan.FromSeconds(5) });
        var client = await server.ConnectAsync();
        await client.SendAsync(Encoding.ASCII.GetBytes(Options + Options[..30]));
        await WaitUntilAsync(() => server.Transport.PartialMessageCount == 1);
        Assert.Equal(1, Volatile.Read(ref server.Inbox.Received));

        time.Advance(TimeSpan.FromSeconds(3));
        await client.SendAsync(Encoding.ASCII.GetBytes(Options[30..60]));
        Assert.False(await ClosedWithinAsync(client, 0.3));
        time.Advance(TimeSpan.FromSeconds(2.5));

        Assert.True(await ClosedWithinAsync(client, 5));
        Assert.Equal(1, Volatile.Read(ref server.Inbox.Received));
    }

    [Fact]
    public async Task MessageCompletedInTime_StopsTheMessageTimer()
    {
        var time = new ManualTimeProvider();
        await using var server = await StartAsync(time, new SipTcpLimits { MessageTimeout = TimeSpan.FromSeconds(5) });
        var client = await server.ConnectAsync();
        await client.SendAsync(Encoding.ASCII.GetBytes(Options[..30]));
        await WaitUntilAsync(() => server.Transport.PartialMessageCount == 1);

        time.Advance(TimeSpan.FromSeconds(4));
        await client.SendAsync(Encoding.ASCII.GetBytes(Options[30..]));
        await WaitUntilAsync(() => Volatile.Read(ref server.Inbox.Received) == 1 && server.Transport.PartialMessageCount == 0);
        time.Advance(TimeSpan.FromSeconds(10));

        Assert.False(await ClosedWithinAsync(client, 0.3));
    }

    [Theory]
    [InlineData(0, 1, 30, 5)]
    [InlineData(10, 11, 30, 5)]
    [InlineData(10, 5, 0.5, 5)]
    [InlineData(10, 5, 30, 0)]
    public void InvalidLimits_AreRefusedNamingTheProperty(int total, int perAddress, double idleSeconds, double messageSeconds)
    {
        var limits = new SipTcpLimits
        {
            MaxConnections = total,
            MaxConnectionsPerAddress = perAddress,
            IdleTimeout = TimeSpan.FromSeconds(idleSeconds),
            MessageTimeout = TimeSpan.FromSeconds(messageSeconds),
        };

        Assert.NotEmpty(SipTcpLimitsValidator.Validate(limits));
        Assert.Throws<ArgumentException>(() => new TcpSipTransport(new IPEndPoint(IPAddress.Loopback, 0), TimeProvider.System, limits, NullLogger<TcpSipTransport>.Instance));
    }

    [Fact]
    public void DefaultLimits_AreValid()
    {
        Assert.Empty(SipTcpLimitsValidator.Validate(SipTcpLimits.Default));
        Assert.Equal(1000, SipTcpLimits.Default.MaxConnections);
        Assert.Equal(50, SipTcpLimits.Default.MaxConnectionsPerAddress);
        Assert.Equal(TimeSpan.FromSeconds(30), SipTcpLimits.Default.IdleTimeout);
        Assert.Equal(TimeSpan.FromSeconds(5), SipTcpLimits.Default.MessageTimeout);
    }
}
