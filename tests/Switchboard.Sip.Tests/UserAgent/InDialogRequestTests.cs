using Switchboard.Sip.Messages;
using Switchboard.Sip.Tests.Support;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Tests.UserAgent;

/// <summary>Requests the peer sends inside a confirmed dialog, on both call kinds (RFC 3261 §12.2.2, §14.2; RFC 3311; RFC 6086).</summary>
public class InDialogRequestTests
{
    const string Ours = "v=0\r\no=sb 2 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\n";
    const string Hold = "v=0\r\no=caller 1 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 30000 RTP/AVP 0\r\na=sendonly\r\n";
    const string HoldAnswer = "v=0\r\no=sb 2 3 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\na=recvonly\r\n";

    internal static async Task<(InboundCall Call, SipCaller Caller, RecordingObserver Observer)> ConfirmedInboundAsync(SipUserAgent agent, UdpPeer peer, string extra = "")
    {
        var handler = new RecordingInboundHandler(call => call.Answer(Ours));
        agent.InboundCalls = handler;
        var caller = new SipCaller(peer, agent.LocalEndPoint);
        caller.SendInvite(extra: extra);
        var call = await handler.NextAsync();
        var observer = new RecordingObserver();
        call.Attach(observer);
        await caller.ResponseAsync(200);
        caller.SendAck();
        await observer.NextOfTypeAsync<SipCallConfirmed>();
        return (call, caller, observer);
    }

    internal static async Task<(OutboundCall Call, SipCallee Callee, RecordingObserver Observer)> ConfirmedOutboundAsync(SipUserAgent agent, UdpPeer peer, string extra = "")
    {
        var observer = new RecordingObserver();
        var call = agent.PlaceCall(UserAgentFixture.Request($"sip:bob@127.0.0.1:{peer.Port}"), observer);
        var callee = new SipCallee(peer, agent.LocalEndPoint);
        await callee.AnswerAsync(extra);
        await observer.NextOfTypeAsync<SipCallAnswered>();
        return (call, callee, observer);
    }

    [Fact]
    public async Task Reinvite_WithAnOffer_IsAnsweredByTheAnswerer_OkRetransmittedUntilTheAck_AndReported()
    {
        var clock = new ManualTimeProvider();
        await using var agent = await UserAgentFixture.StartAsync(clock);
        using var peer = new UdpPeer();
        var (call, caller, observer) = await ConfirmedInboundAsync(agent, peer);
        var answerer = new FixedAnswerer(HoldAnswer);
        call.OfferAnswerer = answerer;

        caller.SendInDialog("INVITE", Hold);
        var ok = Assert.IsType<SipResponse>(await peer.ReceiveAsync());
        clock.Advance(TimeSpan.FromSeconds(0.5));
        var retransmitted = Assert.IsType<SipResponse>(await peer.ReceiveAsync());
        caller.SendAck();
        // The ACK reports nothing for an offer already answered, so give the receive loop a moment to take it.
        await Task.Delay(200);
        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(200, ok.StatusCode);
        Assert.Equal(200, retransmitted.StatusCode);
        Assert.Equal(HoldAnswer, ok.BodyAsString());
        Assert.Equal(agent.LocalEndPoint.Port, ok.Contact!.Uri.Port);
        Assert.Equal([Hold], answerer.Offers);
        Assert.Equal(new SipCallSessionModified(Hold, HoldAnswer), await observer.NextAsync());
        Assert.True(await peer.NothingWithinAsync(0.3));
        Assert.Equal(SipCallState.Confirmed, call.State);
    }

    [Fact]
    public async Task Reinvite_RefusedByTheAnswerer_Is488_AndChangesNothing()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var (call, caller, observer) = await ConfirmedInboundAsync(agent, peer);
        call.OfferAnswerer = new FixedAnswerer(null);

        caller.SendInDialog("INVITE", Hold);
        var refused = await caller.ResponseAsync(488);
        caller.SendInDialog("ACK", sequence: caller.Sequence, branch: refused.TopVia!.Branch);

        Assert.Equal(SipMethod.Invite, refused.CSeq!.Value.Method);
        Assert.True(await peer.NothingWithinAsync(0.7));
        Assert.False(observer.TryRead(out _));
        Assert.Equal(SipCallState.Confirmed, call.State);
    }

    [Fact]
    public async Task Reinvite_WithNoAnswererAtAll_Is488()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var (_, caller, _) = await ConfirmedInboundAsync(agent, peer);

        caller.SendInDialog("INVITE", Hold);

        Assert.Equal(488, (await caller.ResponseAsync(488)).StatusCode);
    }

    [Fact]
    public async Task OfferlessReinvite_ReoffersOurLastSdp_AndTheAnswerInTheAckIsReported()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var (_, caller, observer) = await ConfirmedInboundAsync(agent, peer);

        caller.SendInDialog("INVITE");
        var ok = await caller.ResponseAsync(200);
        caller.SendAck(body: Hold);

        Assert.Equal(Ours, ok.BodyAsString());
        Assert.Equal(new SipCallSessionModified(Hold, Ours), await observer.NextAsync());
    }

    [Fact]
    public async Task Reinvite_WithANewContact_MovesTheRemoteTarget_SoOurByeGoesThere()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var (call, caller, _) = await ConfirmedInboundAsync(agent, peer);
        call.OfferAnswerer = new FixedAnswerer(HoldAnswer);

        caller.SendInDialog("INVITE", Hold, contactUser: "alice-moved");
        await caller.ResponseAsync(200);
        caller.SendAck();
        var hangup = call.HangupAsync(CancellationToken.None);
        var bye = await peer.ReceiveRequestAsync("BYE");
        peer.Respond(bye, 200, "OK", agent.LocalEndPoint, toTag: null);
        await hangup.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal($"sip:alice-moved@127.0.0.1:{peer.Port}", call.Dialog!.RemoteTarget.ToString());
        Assert.Equal(call.Dialog.RemoteTarget.ToString(), bye.RequestUri.ToString());
        Assert.Equal(1u, bye.CSeq!.Value.Number);
    }

    [Fact]
    public async Task Update_WithAnOffer_IsAnsweredInIts200_AndReported()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var (call, caller, observer) = await ConfirmedInboundAsync(agent, peer);
        call.OfferAnswerer = new FixedAnswerer(HoldAnswer);

        caller.SendInDialog("UPDATE", Hold);
        var ok = await caller.ResponseAsync(200);

        Assert.Equal(SipMethod.Update, ok.CSeq!.Value.Method);
        Assert.Equal(HoldAnswer, ok.BodyAsString());
        Assert.NotNull(ok.Contact);
        Assert.Equal(new SipCallSessionModified(Hold, HoldAnswer), await observer.NextAsync());
    }

    [Fact]
    public async Task Update_WithoutABody_Is200WithoutAnEvent()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var (_, caller, observer) = await ConfirmedInboundAsync(agent, peer);

        caller.SendInDialog("UPDATE");
        var ok = await caller.ResponseAsync(200);

        Assert.True(ok.Body.IsEmpty);
        Assert.False(observer.TryRead(out _));
    }

    [Theory]
    [InlineData("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n", '5', 160)]
    [InlineData("application/dtmf-relay", "Signal= #\r\nDuration= 250\r\n", '#', 250)]
    [InlineData("application/dtmf-relay", "Signal=10\r\n", '*', 0)]
    [InlineData("application/dtmf-relay; charset=utf-8", "signal=d\r\nduration=100", 'D', 100)]
    [InlineData("application/dtmf", "7", '7', 0)]
    public async Task Info_WithDtmf_Is200_AndReportsTheKey(string contentType, string body, char digit, int duration)
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var (_, caller, observer) = await ConfirmedInboundAsync(agent, peer);

        caller.SendInDialog("INFO", body, contentType: contentType);

        Assert.Equal(SipMethod.Info, (await caller.ResponseAsync(200)).CSeq!.Value.Method);
        Assert.Equal(new SipCallDtmf(digit, duration), await observer.NextAsync());
    }

    [Fact]
    public async Task Refer_IsAccepted_AndOnlyThenReported_WithItsTargetAndCustomHeaders()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var (_, caller, observer) = await ConfirmedInboundAsync(agent, peer);

        caller.SendInDialog("REFER", extra: "r: <sip:+15550009@pbx.example>\r\nb: \"Agent\" <sip:agent@pbx.example>\r\nUser-Agent: desk\r\nX-Reason: billing\r\n");

        var accepted = await caller.ResponseAsync(202);
        Assert.Equal(SipMethod.Refer, accepted.CSeq!.Value.Method);
        var referred = Assert.IsType<SipCallReferred>(await observer.NextAsync());
        Assert.Equal(("<sip:+15550009@pbx.example>", "\"Agent\" <sip:agent@pbx.example>", "desk"), (referred.ReferTo, referred.ReferredBy, referred.UserAgent));
        Assert.Equal([KeyValuePair.Create("X-Reason", "billing")], referred.CustomHeaders);
        Assert.Equal(caller.Sequence, referred.Sequence);
        Assert.Equal(("+15550009", "agent"), (SipNameAddress.UserOf(referred.ReferTo), SipNameAddress.UserOf(referred.ReferredBy!)));
    }

    [Fact]
    public async Task InfoAndMessage_AreAcceptedAndReported_OnlyWhileTheCallForwardsThem()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var (call, caller, observer) = await ConfirmedInboundAsync(agent, peer);

        caller.SendInDialog("MESSAGE", "hello", contentType: "text/plain");
        Assert.Equal(SipMethod.Message, (await caller.ResponseAsync(501)).CSeq!.Value.Method);
        call.ForwardsInDialogRequests = true;
        caller.SendInDialog("MESSAGE", "hello", contentType: "text/plain", extra: "X-Ticket: 4711\r\n");
        await caller.ResponseAsync(202);
        caller.SendInDialog("INFO", "{\"state\": \"busy\"}", contentType: "application/json");
        await caller.ResponseAsync(200);

        var message = Assert.IsType<SipCallRequestReceived>(await observer.NextAsync());
        Assert.Equal((SipMethod.Message, "text/plain", "hello"), (message.Method, message.ContentType, message.Body));
        Assert.Contains(KeyValuePair.Create("X-Ticket", "4711"), message.Headers);
        var info = Assert.IsType<SipCallRequestReceived>(await observer.NextAsync());
        Assert.Equal((SipMethod.Info, "{\"state\": \"busy\"}"), (info.Method, info.Body));
    }

    [Theory]
    [InlineData("", 400)]
    [InlineData("Refer-To: <sip:a@pbx.example>\r\nRefer-To: <sip:b@pbx.example>\r\n", 400)]
    public async Task Refer_WithoutExactlyOneReferTo_IsRefused_AndReportsNothing(string headers, int status)
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var (_, caller, observer) = await ConfirmedInboundAsync(agent, peer);

        caller.SendInDialog("REFER", extra: headers);

        Assert.Equal(SipMethod.Refer, (await caller.ResponseAsync(status)).CSeq!.Value.Method);
        await Task.Delay(200);
        Assert.False(observer.TryRead(out _));
    }

    [Theory]
    [InlineData("<tel:+15550009;phone-context=example.com>", "+15550009")]
    [InlineData("\"Bob\" <sips:bob@pbx.example;transport=tls>", "bob")]
    [InlineData("sip:pbx.example", null)]
    [InlineData("<mailto:bob@example.com>", null)]
    public void UserOf_ReadsASipUsersOrATelNumber(string address, string? user) => Assert.Equal(user, SipNameAddress.UserOf(address));

    [Fact]
    public void TheNotificationsOfAnAcceptedRefer_NameItsSubscription_AndTheLastEndsIt()
    {
        var first = SipReferNotification.Create(42, 100, "Trying", final: false);
        var last = SipReferNotification.Create(42, 200, "OK", final: true);

        Assert.Equal((SipMethod.Notify, "message/sipfrag;version=2.0", "SIP/2.0 100 Trying\r\n"), (first.Method, first.ContentType, first.Body));
        Assert.Contains(KeyValuePair.Create("Event", "refer;id=42"), first.Headers);
        Assert.Contains(KeyValuePair.Create("Subscription-State", "active;expires=60"), first.Headers);
        Assert.Contains(KeyValuePair.Create("Subscription-State", "terminated;reason=noresource"), last.Headers);
        Assert.Equal("SIP/2.0 200 OK\r\n", last.Body);
    }

    [Theory]
    [InlineData("application/json", "{}", 415)]
    [InlineData("application/dtmf-relay", "Signal=X\r\n", 400)]
    [InlineData("application/dtmf-relay", "Duration=160\r\n", 400)]
    [InlineData("", "", 200)]
    public async Task Info_OtherwiseIsAnsweredWithoutAnEvent(string contentType, string body, int status)
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var (_, caller, observer) = await ConfirmedInboundAsync(agent, peer);

        caller.SendInDialog("INFO", body, contentType: contentType);
        var response = await caller.ResponseAsync(status);

        Assert.Equal(SipMethod.Info, response.CSeq!.Value.Method);
        if (status == 415)
        {
            Assert.Contains("application/dtmf-relay", response.GetHeader("Accept"), StringComparison.Ordinal);
        }

        Assert.False(observer.TryRead(out _));
    }

    [Fact]
    public async Task Options_InsideTheDialog_Is200WithAllow()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var (_, caller, _) = await ConfirmedInboundAsync(agent, peer);

        caller.SendInDialog("OPTIONS");

        Assert.Contains("UPDATE", (await caller.ResponseAsync(200)).GetHeader("Allow"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_WithACSeqBelowTheLastOne_Is500()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var (_, caller, _) = await ConfirmedInboundAsync(agent, peer);
        caller.SendInDialog("INFO");
        await caller.ResponseAsync(200);

        caller.SendInDialog("INFO", sequence: caller.Sequence - 5, branch: "z9hG4bKold");

        Assert.Equal("Request Out Of Order", (await caller.ResponseAsync(500)).ReasonPhrase);
    }

    [Fact]
    public async Task Requests_ForAnUnknownDialog_Are481()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var (_, caller, _) = await ConfirmedInboundAsync(agent, peer);
        caller.RemoteTag = "not-ours";

        caller.SendInDialog("INVITE", Hold);
        Assert.Equal(SipMethod.Invite, (await caller.ResponseAsync(481)).CSeq!.Value.Method);
        caller.SendInDialog("INFO");
        Assert.Equal(SipMethod.Info, (await caller.ResponseAsync(481)).CSeq!.Value.Method);
    }

    [Fact]
    public async Task OutboundCall_ReinviteFromTheCallee_IsAnsweredByTheObserversAnswerer()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var (call, callee, observer) = await ConfirmedOutboundAsync(agent, peer);
        call.OfferAnswerer = new FixedAnswerer(HoldAnswer);

        callee.Send("INVITE", Hold);
        var ok = await callee.ResponseAsync("INVITE");

        Assert.Equal(200, ok.StatusCode);
        Assert.Equal(HoldAnswer, ok.BodyAsString());
        Assert.Equal(call.Dialog!.LocalTag, ok.To!.Tag);
        Assert.Equal(new SipCallSessionModified(Hold, HoldAnswer), await observer.NextAsync());
    }

    [Fact]
    public async Task OutboundCall_InfoAndByeFromTheCallee_AreReported()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var (call, callee, observer) = await ConfirmedOutboundAsync(agent, peer);

        callee.Send("INFO", "Signal=1\r\nDuration=100\r\n", "application/dtmf-relay");
        Assert.Equal(200, (await callee.ResponseAsync("INFO")).StatusCode);
        callee.Send("BYE");
        Assert.Equal(200, (await callee.ResponseAsync("BYE")).StatusCode);

        Assert.Equal(new SipCallDtmf('1', 100), await observer.NextAsync());
        Assert.IsType<SipCallHungUp>(await observer.NextAsync());
        await call.Completion.WaitAsync(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task StrictRouter_AsTheFirstRoute_BecomesTheRequestUri_AndTheTargetTheLastRoute()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var strict = $"<sip:127.0.0.1:{peer.Port}>";
        var (call, _, _) = await ConfirmedOutboundAsync(agent, peer, $"Record-Route: <sip:p1.invalid;lr>, {strict}\r\n");

        var hangup = call.HangupAsync(CancellationToken.None);
        var bye = await peer.ReceiveRequestAsync("BYE");
        peer.Respond(bye, 200, "OK", agent.LocalEndPoint, toTag: null);
        await hangup.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal($"sip:127.0.0.1:{peer.Port}", bye.RequestUri.ToString());
        Assert.Equal(["<sip:p1.invalid;lr>", $"<sip:bob@127.0.0.1:{peer.Port}>"], bye.Routes);
    }
}
