using System.Net;
using System.Net.Sockets;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Tests.Support;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Tests.UserAgent;

/// <summary>SIP over TCP (RFC 3261 §18) through the user agent, against hand-written peers on loopback.</summary>
public class TcpCallTests
{
    const string Sdp = "v=0\r\no=sb 2 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\n";

    static string Invite(TcpPeer peer, IPEndPoint agent, string branch = "z9hG4bKtcp1") =>
        $"INVITE sip:+15550123@127.0.0.1:{agent.Port};transport=tcp SIP/2.0\r\n" +
        $"Via: SIP/2.0/TCP 127.0.0.1:{peer.LocalEndPoint.Port};branch={branch};rport\r\n" +
        "Max-Forwards: 70\r\nFrom: <sip:alice@127.0.0.1>;tag=caller1\r\n" +
        $"To: <sip:+15550123@127.0.0.1:{agent.Port}>\r\nCall-ID: tcp-call-1\r\nCSeq: 1 INVITE\r\n" +
        $"Contact: <sip:alice@127.0.0.1:{peer.LocalEndPoint.Port};transport=tcp>\r\nContent-Type: application/sdp\r\n" +
        $"Content-Length: {Sdp.Length}\r\n\r\n{Sdp}";

    static string InDialog(string method, TcpPeer peer, IPEndPoint agent, string toTag, uint cseq) =>
        $"{method} sip:sb@127.0.0.1:{agent.Port};transport=tcp SIP/2.0\r\n" +
        $"Via: SIP/2.0/TCP 127.0.0.1:{peer.LocalEndPoint.Port};branch=z9hG4bK{method}{cseq};rport\r\n" +
        "Max-Forwards: 70\r\nFrom: <sip:alice@127.0.0.1>;tag=caller1\r\n" +
        $"To: <sip:+15550123@127.0.0.1:{agent.Port}>;tag={toTag}\r\nCall-ID: tcp-call-1\r\nCSeq: {cseq} {method}\r\nContent-Length: 0\r\n\r\n";

    [Fact]
    public async Task InboundInvite_ArrivingInOneBytePieces_IsAnsweredOnItsConnection_AndJoinedAckAndByeAreBothRead()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        var observer = new RecordingObserver();
        var handler = new RecordingInboundHandler(call =>
        {
            call.Attach(observer);
            call.Answer(Sdp);
        });
        agent.InboundCalls = handler;
        using var peer = await TcpPeer.ConnectAsync(agent.LocalEndPoint);

        await peer.SendAsync("\r\n\r\n");
        await peer.SendByteByByteAsync(Invite(peer, agent.LocalEndPoint));
        var trying = await peer.ReceiveResponseAsync(100);
        var ok = await peer.ReceiveResponseAsync(200);
        var tag = ok.To!.Tag!;
        await peer.SendAsync(InDialog("ACK", peer, agent.LocalEndPoint, tag, 1) + "\r\n" + InDialog("BYE", peer, agent.LocalEndPoint, tag, 2));
        var byeOk = await peer.ReceiveResponseAsync(200);

        Assert.Equal(SipMethod.Invite, trying.CSeq!.Value.Method);
        Assert.Equal("TCP", ok.TopVia!.Transport);
        Assert.Equal("tcp", ok.Contact!.Uri.GetParameter("transport"));
        Assert.Equal(agent.LocalEndPoint.Port, ok.Contact.Uri.Port);
        Assert.Equal(SipMethod.Bye, byeOk.CSeq!.Value.Method);
        Assert.IsType<SipCallConfirmed>(await observer.NextAsync());
        Assert.IsType<SipCallHungUp>(await observer.NextAsync());
        Assert.Equal(1, agent.TcpConnectionCount);
    }

    [Fact]
    public async Task InboundCallOverTcp_OurByeGoesOverTcp_WithoutRetransmissions()
    {
        var clock = new ManualTimeProvider();
        await using var agent = await UserAgentFixture.StartAsync(clock);
        var handler = new RecordingInboundHandler(call => call.Answer(Sdp));
        agent.InboundCalls = handler;
        using var listener = TcpPeer.Listen();
        using var caller = await TcpPeer.ConnectAsync(agent.LocalEndPoint);
        var contactPort = ((IPEndPoint)listener.LocalEndPoint!).Port;

        await caller.SendAsync(Invite(caller, agent.LocalEndPoint).Replace($"alice@127.0.0.1:{caller.LocalEndPoint.Port};transport=tcp", $"alice@127.0.0.1:{contactPort};transport=tcp", StringComparison.Ordinal));
        var call = await handler.NextAsync();
        var ok = await caller.ReceiveResponseAsync(200);
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.True(await caller.NothingWithinAsync(0.3));
        await caller.SendAsync(InDialog("ACK", caller, agent.LocalEndPoint, ok.To!.Tag!, 1));
        await WaitUntilAsync(() => call.State == SipCallState.Confirmed);
        var hangup = call.HangupAsync(CancellationToken.None);
        using var contact = await TcpPeer.AcceptAsync(listener);
        var bye = await contact.ReceiveRequestAsync("BYE");
        await contact.RespondAsync(bye, 200, "OK", toTag: null);
        await hangup.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal("TCP", bye.TopVia!.Transport);
        Assert.Equal($"sip:alice@127.0.0.1:{contactPort};transport=tcp", bye.RequestUri.ToString());
    }

    [Fact]
    public async Task OutboundCall_ToATcpUri_ReusesOneConnection_ForInviteAckAndBye()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var listener = TcpPeer.Listen();
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        var observer = new RecordingObserver();

        var call = agent.PlaceCall(UserAgentFixture.Request($"sip:bob@127.0.0.1:{port};transport=tcp"), observer);
        using var callee = await TcpPeer.AcceptAsync(listener);
        var invite = await callee.ReceiveRequestAsync("INVITE");
        await callee.RespondAsync(invite, 180, "Ringing");
        await callee.RespondAsync(invite, 200, "OK", extra: $"Contact: <sip:bob@127.0.0.1:{port};transport=tcp>\r\nContent-Type: application/sdp\r\n", body: Sdp);
        var ack = await callee.ReceiveRequestAsync("ACK");
        await observer.NextOfTypeAsync<SipCallAnswered>();
        var hangup = call.HangupAsync(CancellationToken.None);
        var bye = await callee.ReceiveRequestAsync("BYE");
        await callee.RespondAsync(bye, 200, "OK", toTag: null);
        await hangup.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal("TCP", invite.TopVia!.Transport);
        Assert.Equal("tcp", invite.Contact!.Uri.GetParameter("transport"));
        Assert.Equal("TCP", ack.TopVia!.Transport);
        Assert.Equal(new SipCSeq(2, SipMethod.Bye), bye.CSeq);
        Assert.Equal(1, agent.TcpConnectionCount);
    }

    [Fact]
    public async Task OutboundCall_ToATcpPortNobodyListensOn_IsRejected503()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        int port;
        using (var probe = TcpPeer.Listen())
        {
            port = ((IPEndPoint)probe.LocalEndPoint!).Port;
        }

        var observer = new RecordingObserver();
        var call = agent.PlaceCall(UserAgentFixture.Request($"sip:bob@127.0.0.1:{port};transport=tcp"), observer);

        Assert.Equal(new SipCallRejected(503, "Service Unavailable"), await observer.NextAsync());
        await call.Completion.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData("sips:bob@127.0.0.1:5061")]
    [InlineData("sip:bob@127.0.0.1:5060;transport=sctp")]
    public async Task OutboundCall_OverATransportWeDoNotRun_IsRejected503(string target)
    {
        await using var agent = await UserAgentFixture.StartAsync();
        var observer = new RecordingObserver();

        agent.PlaceCall(UserAgentFixture.Request(target), observer);

        Assert.Equal(503, Assert.IsType<SipCallRejected>(await observer.NextAsync()).StatusCode);
    }

    [Fact]
    public async Task TcpDisabled_NothingListens_AndTcpTargetsAre503()
    {
        var options = new SipUserAgentOptions(new IPEndPoint(IPAddress.Loopback, 0), null) { EnableTcp = false };
        await using var agent = new SipUserAgent(options, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        await agent.StartAsync(CancellationToken.None);
        var observer = new RecordingObserver();

        await Assert.ThrowsAsync<SocketException>(() => TcpPeer.ConnectAsync(agent.LocalEndPoint));
        agent.PlaceCall(UserAgentFixture.Request("sip:bob@127.0.0.1:5060;transport=tcp"), observer);

        Assert.Equal(503, Assert.IsType<SipCallRejected>(await observer.NextAsync()).StatusCode);
    }

    static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (!condition())
        {
            await Task.Delay(5, cts.Token);
        }
    }
}
