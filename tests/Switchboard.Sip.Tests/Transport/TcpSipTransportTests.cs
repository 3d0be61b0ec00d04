using System.Net;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Tests.Support;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Tests.Transport;

public class TcpSipTransportTests
{
    sealed class Inbox : ISipTransportHandler
    {
        public Channel<(byte[] Message, IPEndPoint Remote)> Received { get; } = Channel.CreateUnbounded<(byte[], IPEndPoint)>();

        public void OnMessageReceived(ReadOnlySpan<byte> message, IPEndPoint remote) => Received.Writer.TryWrite((message.ToArray(), remote));
    }

    static TcpSipTransport Create(TimeProvider time) =>
        new(new IPEndPoint(IPAddress.Loopback, 0), time, SipTcpLimits.Default, NullLogger<TcpSipTransport>.Instance);

    [Fact]
    public async Task Send_RequestOverLoopback_ResponseComesBackOnTheSameConnection()
    {
        var time = new ManualTimeProvider();
        await using var client = Create(time);
        await using var server = Create(time);
        var clientInbox = new Inbox();
        var serverInbox = new Inbox();
        await client.StartAsync(clientInbox, CancellationToken.None);
        await server.StartAsync(serverInbox, CancellationToken.None);
        var request = TestMessages.Request("OPTIONS");

        client.Send(SipMessageWriter.ToArray(request), server.LocalEndPoint);
        var (received, remote) = await serverInbox.Received.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        var parsed = SipParser.Parse(received);
        Assert.True(parsed.IsSuccess, parsed.Error?.Reason);
        server.Send(SipMessageWriter.ToArray(TestMessages.Response((SipRequest)parsed.Message, 200, "OK")), remote);
        var (response, from) = await clientInbox.Received.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.StartsWith("SIP/2.0 200 OK\r\n", Encoding.ASCII.GetString(response), StringComparison.Ordinal);
        Assert.Equal(server.LocalEndPoint, from);
        Assert.Equal(1, client.ConnectionCount);
        Assert.Equal(1, server.ConnectionCount);
    }

    [Fact]
    public async Task AFramingError_ClosesTheConnection_AfterTheAnswersAlreadyProduced()
    {
        await using var server = Create(new ManualTimeProvider());
        var answering = new AnsweringInbox(() => server);
        await server.StartAsync(answering, CancellationToken.None);
        using var peer = new System.Net.Sockets.TcpClient();
        await peer.ConnectAsync(server.LocalEndPoint);
        var options = Encoding.ASCII.GetBytes(
            "OPTIONS sip:bob@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1;branch=z9hG4bKfine\r\nMax-Forwards: 70\r\n"
            + "From: <sip:alice@127.0.0.1>;tag=ft\r\nTo: <sip:bob@127.0.0.1>\r\nCall-ID: c1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n");
        // RFC 3261 §18.3: a second message with two Content-Lengths leaves no way to find the next boundary.
        var broken = Encoding.ASCII.GetBytes(
            "OPTIONS sip:bob@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1;branch=z9hG4bKbroken\r\n"
            + "Content-Length: 0\r\nContent-Length: 5\r\n\r\n");

        await peer.GetStream().WriteAsync(options.Concat(broken).ToArray());
        var received = new MemoryStream();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await peer.GetStream().CopyToAsync(received, patience.Token);

        Assert.StartsWith("SIP/2.0 200 OK\r\n", Encoding.ASCII.GetString(received.ToArray()), StringComparison.Ordinal);
    }

    /// <summary>Answers each request 200 at once on the connection it came by, as a UA's stateless answers do.</summary>
    sealed class AnsweringInbox(Func<TcpSipTransport> transport) : ISipTransportHandler
    {
        public void OnMessageReceived(ReadOnlySpan<byte> message, IPEndPoint remote)
        {
            if (SipParser.Parse(message.ToArray()).Message is SipRequest request)
            {
                transport().Send(SipMessageWriter.ToArray(TestMessages.Response(request, 200, "OK")), remote);
            }
        }
    }

    [Fact]
    public async Task Connection_IdleLongerThanTimeout_IsClosedOnBothSides()
    {
        var time = new ManualTimeProvider();
        await using var client = Create(time);
        await using var server = Create(time);
        var serverInbox = new Inbox();
        await client.StartAsync(new Inbox(), CancellationToken.None);
        await server.StartAsync(serverInbox, CancellationToken.None);
        client.Send(SipMessageWriter.ToArray(TestMessages.Request("OPTIONS")), server.LocalEndPoint);
        await serverInbox.Received.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        time.Advance(TimeSpan.FromSeconds(31));

        await WaitUntilAsync(() => client.ConnectionCount == 0 && server.ConnectionCount == 0).WaitAsync(TimeSpan.FromSeconds(10));
    }

    static async Task WaitUntilAsync(Func<bool> condition)
    {
        while (!condition())
        {
            await Task.Delay(5);
        }
    }
}
