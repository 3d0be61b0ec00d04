using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Sip.Tests.UserAgent;
using Switchboard.Sip.Transport;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Tests.Transport;

/// <summary>
/// Real traffic against the user agent's SIP port: many more TCP connections than the limit, and connections that
/// hold half a message, on loopback and the real clock. The server must keep answering on a fresh connection.
/// </summary>
public class TcpConnectionFloodTests
{
    const int Limit = 20;
    const int Flood = 120;

    static async Task<SipUserAgent> StartAsync(TimeSpan messageTimeout)
    {
        var options = new SipUserAgentOptions(new IPEndPoint(IPAddress.Loopback, 0), null)
        {
            Tcp = new SipTcpLimits { MaxConnections = Limit, MaxConnectionsPerAddress = Limit, MessageTimeout = messageTimeout },
        };
        var agent = new SipUserAgent(options, TimeProvider.System, NullLoggerFactory.Instance);
        await agent.StartAsync(CancellationToken.None);
        return agent;
    }

    static string Options(TcpPeer peer, string branch) =>
        $"OPTIONS sip:sb@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:{peer.LocalEndPoint.Port};branch=z9hG4bK{branch};rport\r\n" +
        $"From: <sip:probe@127.0.0.1>;tag={branch}\r\nTo: <sip:sb@127.0.0.1>\r\nCall-ID: {branch}\r\nCSeq: 1 OPTIONS\r\n" +
        "Max-Forwards: 70\r\nContent-Length: 0\r\n\r\n";

    static bool ClosedByServer(Socket socket) => socket.Poll(0, SelectMode.SelectRead) && socket.Available == 0;

    static async Task<Socket> ConnectAsync(IPEndPoint server)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(server);
        return socket;
    }

    static async Task WaitUntilAsync(Func<bool> condition, double seconds)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    [Fact]
    public async Task ManyIdleConnections_NeverExceedTheLimit_AndAFreshConnectionIsStillAnswered()
    {
        await using var agent = await StartAsync(TimeSpan.FromSeconds(5));
        var tcp = agent.Transports.Tcp!;
        var sockets = new List<Socket>();
        try
        {
            var mostOpen = 0;
            for (var i = 0; i < Flood; i++)
            {
                sockets.Add(await ConnectAsync(agent.LocalEndPoint));
                mostOpen = Math.Max(mostOpen, tcp.InboundConnectionCount);
            }

            await WaitUntilAsync(() => sockets.Count(s => !ClosedByServer(s)) <= Limit, 10);
            using var probe = await TcpPeer.ConnectAsync(agent.LocalEndPoint);
            await probe.SendAsync(Options(probe, "flood1"));
            var answer = await probe.ReceiveResponseAsync(200);

            Assert.Equal("flood1", answer.CallId);
            Assert.InRange(mostOpen, 1, Limit);
            Assert.InRange(tcp.InboundConnectionCount, 1, Limit);
            Assert.InRange(sockets.Count(s => !ClosedByServer(s)), 1, Limit - 1);

            // The oldest connections are kept: the limit displaced the newest idle ones.
            Assert.False(ClosedByServer(sockets[0]));
        }
        finally
        {
            sockets.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public async Task ConnectionsHoldingHalfAMessage_FillTheLimit_ThenAreClosedAfterTheMessageTimeout_EvenWhenDribbling()
    {
        var messageTimeout = TimeSpan.FromSeconds(1.5);
        await using var agent = await StartAsync(messageTimeout);
        var tcp = agent.Transports.Tcp!;
        var sockets = new List<Socket>();
        try
        {
            var partial = Encoding.ASCII.GetBytes("OPTIONS sip:sb@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:5999;branch=z9hG4bK");
            var started = Stopwatch.StartNew();
            for (var i = 0; i < Limit; i++)
            {
                var socket = await ConnectAsync(agent.LocalEndPoint);
                sockets.Add(socket);
                await socket.SendAsync(partial);
            }

            await WaitUntilAsync(() => tcp.PartialMessageCount == Limit, 5);

            // None idle: a new connection is refused at once.
            using var refused = await ConnectAsync(agent.LocalEndPoint);
            await WaitUntilAsync(() => ClosedByServer(refused), 1);
            Assert.Equal(Limit, tcp.InboundConnectionCount);

            // A byte every 100 ms does not keep a message alive past the timeout counted from its first byte.
            var dribbler = sockets[0];
            while (!ClosedByServer(dribbler) && started.Elapsed < TimeSpan.FromSeconds(8))
            {
                try
                {
                    await dribbler.SendAsync("x"u8.ToArray());
                }
                catch (SocketException)
                {
                    break;
                }

                await Task.Delay(100);
            }

            Assert.InRange(started.Elapsed, messageTimeout * 0.9, TimeSpan.FromSeconds(8));
            await WaitUntilAsync(() => sockets.All(ClosedByServer) && tcp.InboundConnectionCount == 0, 5);

            using var probe = await TcpPeer.ConnectAsync(agent.LocalEndPoint);
            await probe.SendAsync(Options(probe, "flood2"));
            Assert.Equal("flood2", (await probe.ReceiveResponseAsync(200)).CallId);
        }
        finally
        {
            sockets.ForEach(s => s.Dispose());
        }
    }
}
