using Switchboard.Sip.Messages;
using Switchboard.Sip.Tests.Support;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Tests.UserAgent;

/// <summary>Inbound calls (the UAS side, RFC 3261 §13.3), driven by a hand-written caller on loopback and a manual clock.</summary>
public class InboundCallTests
{
    const string Answer = "v=0\r\no=sb 2 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\n";

    [Fact]
    public async Task Invite_Sends100TryingFirst_ThenHandsTheCallToTheHandler()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        var handler = new RecordingInboundHandler();
        agent.InboundCalls = handler;
        using var peer = new UdpPeer();
        var caller = new SipCaller(peer, agent.LocalEndPoint);

        caller.SendInvite(extra: "X-Account: 42\r\nRecord-Route: <sip:proxy.invalid;lr>\r\n");
        var trying = Assert.IsType<SipResponse>(await peer.ReceiveAsync());
        var call = await handler.NextAsync();

        Assert.Equal(100, trying.StatusCode);
        Assert.Null(trying.To!.Tag);
        Assert.Equal("call-in-1", call.CallId);
        Assert.Equal("+15550123", call.DialledNumber);
        Assert.Equal("+15550100", call.FromUser);
        Assert.Equal("Alice Caller", call.FromDisplayName);
        Assert.Equal("caller1", call.From.Tag);
        Assert.Equal(peer.Port, call.Source.Port);
        Assert.Equal(SipCaller.Offer, call.SdpOffer);
        Assert.Equal("42", call.GetHeader("X-Account"));
        Assert.Contains(call.Headers, h => h.Key == "X-Account" && h.Value == "42");
        Assert.Equal(SipCallState.Received, call.State);
        Assert.Equal(1, agent.ActiveCallCount);
    }

    [Fact]
    public async Task RingThenAnswer_TaggedResponsesCarryContactAndRecordRoute_OkRetransmitsFromT1ToT2UntilTheAck()
    {
        var clock = new ManualTimeProvider();
        await using var agent = await UserAgentFixture.StartAsync(clock);
        var handler = new RecordingInboundHandler();
        agent.InboundCalls = handler;
        using var peer = new UdpPeer();
        var caller = new SipCaller(peer, agent.LocalEndPoint);
        var observer = new RecordingObserver();

        caller.SendInvite(extra: "Record-Route: <sip:p2.invalid;lr>, <sip:p1.invalid;lr>\r\n");
        await caller.ResponseAsync(100);
        var call = await handler.NextAsync();
        call.Attach(observer);
        Assert.True(call.Ring());
        var ringing = await caller.ResponseAsync(180);
        Assert.True(call.Answer(Answer));
        var ok = await caller.ResponseAsync(200);
        var retransmittedAt = new List<double>();
        foreach (var step in new[] { 0.5, 1.0, 2.0, 4.0, 4.0 })
        {
            clock.Advance(TimeSpan.FromSeconds(step));
            Assert.Equal(200, Assert.IsType<SipResponse>(await peer.ReceiveAsync()).StatusCode);
            retransmittedAt.Add(clock.Elapsed.TotalSeconds);
        }

        caller.SendAck();
        Assert.Equal(new SipCallConfirmed(null), await observer.NextAsync());
        clock.Advance(TimeSpan.FromSeconds(30));

        Assert.True(await peer.NothingWithinAsync(0.3));
        Assert.Equal([0.5, 1.5, 3.5, 7.5, 11.5], retransmittedAt);
        Assert.Equal(SipCallState.Confirmed, call.State);
        Assert.NotNull(ringing.To!.Tag);
        Assert.Equal(ringing.To.Tag, ok.To!.Tag);
        Assert.Equal(call.Dialog!.LocalTag, ok.To.Tag);
        Assert.Equal(agent.LocalEndPoint.Port, ok.Contact!.Uri.Port);
        Assert.Equal(["<sip:p2.invalid;lr>", "<sip:p1.invalid;lr>"], ok.RecordRoutes);
        Assert.Equal(["<sip:p2.invalid;lr>", "<sip:p1.invalid;lr>"], call.Dialog.RouteSet);
        Assert.Equal(Answer, ok.BodyAsString());
        Assert.Equal("application/sdp", ok.ContentType);
    }

    [Fact]
    public async Task Answer_WithoutAnyAck_SendsByeAfter64T1_AndReportsAckTimedOut()
    {
        var clock = new ManualTimeProvider();
        await using var agent = await UserAgentFixture.StartAsync(clock);
        var handler = new RecordingInboundHandler();
        agent.InboundCalls = handler;
        using var peer = new UdpPeer();
        var caller = new SipCaller(peer, agent.LocalEndPoint);
        var observer = new RecordingObserver();
        caller.SendInvite();
        await caller.ResponseAsync(100);
        var call = await handler.NextAsync();
        call.Attach(observer);

        call.Answer(Answer);
        await caller.ResponseAsync(200);
        var okCount = 1;
        for (var i = 0; i < 63; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(0.5));
            while (!await peer.NothingWithinAsync(0.05))
            {
                okCount++;
            }
        }

        Assert.False(observer.TryRead(out _));
        clock.Advance(TimeSpan.FromSeconds(0.5));
        var bye = await peer.ReceiveRequestAsync("BYE");
        Assert.IsType<SipCallAckTimedOut>(await observer.NextAsync());
        peer.Respond(bye, 200, "OK", agent.LocalEndPoint, toTag: null);
        await call.Completion.WaitAsync(TimeSpan.FromSeconds(5));

        // 0, 0.5, 1.5, 3.5, 7.5, then every T2 = 4 s up to 31.5.
        Assert.Equal(11, okCount);
        Assert.Equal($"sip:alice@127.0.0.1:{peer.Port}", bye.RequestUri.ToString());
        Assert.Equal("caller1", bye.To!.Tag);
        Assert.Equal(call.Dialog!.LocalTag, bye.From!.Tag);
        Assert.Equal(new SipCSeq(1, SipMethod.Bye), bye.CSeq);
        Assert.Equal(SipCallState.Ended, call.State);
        Assert.Equal(0, agent.ActiveCallCount);
    }

    [Fact]
    public async Task Cancel_BeforeAnswer_Is200_TheInviteGets487_AndTheEngineHearsCanceled()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        var handler = new RecordingInboundHandler();
        agent.InboundCalls = handler;
        using var peer = new UdpPeer();
        var caller = new SipCaller(peer, agent.LocalEndPoint);
        var observer = new RecordingObserver();
        caller.SendInvite();
        await caller.ResponseAsync(100);
        var call = await handler.NextAsync();
        call.Attach(observer);
        call.Ring();
        var ringing = await caller.ResponseAsync(180);

        caller.SendCancel();
        var cancelOk = Assert.IsType<SipResponse>(await peer.ReceiveAsync());
        var terminated = Assert.IsType<SipResponse>(await peer.ReceiveAsync());
        caller.SendInDialog("ACK", sequence: caller.Sequence, branch: caller.InviteBranch);

        Assert.Equal((200, SipMethod.Cancel), (cancelOk.StatusCode, cancelOk.CSeq!.Value.Method));
        Assert.Equal((487, SipMethod.Invite), (terminated.StatusCode, terminated.CSeq!.Value.Method));
        Assert.Equal(ringing.To!.Tag, terminated.To!.Tag);
        Assert.IsType<SipCallCanceled>(await observer.NextAsync());
        await call.Completion.WaitAsync(TimeSpan.FromSeconds(1));
        Assert.False(call.Answer(Answer));
        Assert.False(call.Ring());
        Assert.True(await peer.NothingWithinAsync(0.7));
        Assert.Equal(0, agent.ActiveCallCount);
    }

    [Fact]
    public async Task Cancel_RacingTheAnswer_Is200_ButTheCallStaysUp()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        var handler = new RecordingInboundHandler();
        agent.InboundCalls = handler;
        using var peer = new UdpPeer();
        var caller = new SipCaller(peer, agent.LocalEndPoint);
        var observer = new RecordingObserver();
        caller.SendInvite();
        await caller.ResponseAsync(100);
        var call = await handler.NextAsync();
        call.Attach(observer);

        call.Answer(Answer);
        await caller.ResponseAsync(200);
        caller.SendCancel();
        var cancelOk = await caller.ResponseAsync(200);
        caller.SendAck();

        Assert.Equal(SipMethod.Cancel, cancelOk.CSeq!.Value.Method);
        Assert.IsType<SipCallConfirmed>(await observer.NextAsync());
        Assert.Equal(SipCallState.Confirmed, call.State);
    }

    [Fact]
    public async Task Cancel_MatchingNoInvite_Is481()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        agent.InboundCalls = new RecordingInboundHandler();
        using var peer = new UdpPeer();
        var caller = new SipCaller(peer, agent.LocalEndPoint);

        caller.SendCancel();

        Assert.Equal(481, Assert.IsType<SipResponse>(await peer.ReceiveAsync()).StatusCode);
    }

    [Fact]
    public async Task EventsBeforeAttach_AreDeliveredWhenTheObserverAttaches()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        var handler = new RecordingInboundHandler();
        agent.InboundCalls = handler;
        using var peer = new UdpPeer();
        var caller = new SipCaller(peer, agent.LocalEndPoint);
        caller.SendInvite();
        var call = await handler.NextAsync();

        caller.SendCancel();
        await caller.ResponseAsync(487);
        var observer = new RecordingObserver();
        call.Attach(observer);

        Assert.IsType<SipCallCanceled>(await observer.NextAsync());
        Assert.Throws<InvalidOperationException>(() => call.Attach(new RecordingObserver()));
    }

    [Fact]
    public async Task Bye_FromTheCaller_IsAnswered200_AndReportedAsHungUp()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        var handler = new RecordingInboundHandler(call => call.Answer(Answer));
        agent.InboundCalls = handler;
        using var peer = new UdpPeer();
        var caller = new SipCaller(peer, agent.LocalEndPoint);
        caller.SendInvite();
        var call = await handler.NextAsync();
        var observer = new RecordingObserver();
        call.Attach(observer);
        await caller.ResponseAsync(200);
        caller.SendAck();
        await observer.NextOfTypeAsync<SipCallConfirmed>();

        caller.SendInDialog("BYE");

        Assert.Equal(SipMethod.Bye, (await caller.ResponseAsync(200)).CSeq!.Value.Method);
        Assert.IsType<SipCallHungUp>(await observer.NextAsync());
        await call.Completion.WaitAsync(TimeSpan.FromSeconds(1));
        await call.HangupAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(1));
        Assert.False(observer.TryRead(out _));
    }

    [Fact]
    public async Task Bye_OnTheEarlyDialog_Is200_TheInviteGets487_AndIsReportedAsCanceled()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        var handler = new RecordingInboundHandler(call => call.Ring());
        agent.InboundCalls = handler;
        using var peer = new UdpPeer();
        var caller = new SipCaller(peer, agent.LocalEndPoint);
        caller.SendInvite();
        var call = await handler.NextAsync();
        var observer = new RecordingObserver();
        call.Attach(observer);
        await caller.ResponseAsync(180);

        caller.SendInDialog("BYE");

        Assert.Equal(SipMethod.Invite, (await caller.ResponseAsync(487)).CSeq!.Value.Method);
        Assert.IsType<SipCallCanceled>(await observer.NextAsync());
        Assert.Equal(SipCallState.Ended, call.State);
    }

    [Fact]
    public async Task Hangup_WhenConfirmed_SendsByeThroughTheRouteSet_AndCompletesOnItsResponse()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var handler = new RecordingInboundHandler(call => call.Answer(Answer));
        agent.InboundCalls = handler;
        var caller = new SipCaller(peer, agent.LocalEndPoint);
        caller.SendInvite(extra: $"Record-Route: <sip:127.0.0.1:{peer.Port};lr>\r\n");
        var call = await handler.NextAsync();
        var observer = new RecordingObserver();
        call.Attach(observer);
        await caller.ResponseAsync(200);
        caller.SendAck();
        await observer.NextOfTypeAsync<SipCallConfirmed>();

        var hangup = call.HangupAsync(CancellationToken.None);
        var bye = await peer.ReceiveRequestAsync("BYE");
        Assert.False(hangup.IsCompleted);
        peer.Respond(bye, 200, "OK", agent.LocalEndPoint, toTag: null);
        await hangup.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal($"sip:alice@127.0.0.1:{peer.Port}", bye.RequestUri.ToString());
        Assert.Equal([$"<sip:127.0.0.1:{peer.Port};lr>"], bye.Routes);
        Assert.Equal(SipCallState.Ended, call.State);
        Assert.False(observer.TryRead(out _));
    }

    [Fact]
    public async Task Hangup_BeforeTheAck_HoldsTheByeUntilTheAckArrives()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var handler = new RecordingInboundHandler(call => call.Answer(Answer));
        agent.InboundCalls = handler;
        var caller = new SipCaller(peer, agent.LocalEndPoint);
        caller.SendInvite();
        var call = await handler.NextAsync();
        var observer = new RecordingObserver();
        call.Attach(observer);
        await caller.ResponseAsync(200);

        var hangup = call.HangupAsync(CancellationToken.None);
        Assert.DoesNotContain(await peer.DrainAsync(0.3), m => m is SipRequest);
        caller.SendAck();
        var bye = await peer.ReceiveRequestAsync("BYE");
        peer.Respond(bye, 200, "OK", agent.LocalEndPoint, toTag: null);
        await hangup.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.False(observer.TryRead(out _));
    }

    [Fact]
    public async Task Hangup_BeforeTheAnswer_Refuses480()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var handler = new RecordingInboundHandler();
        agent.InboundCalls = handler;
        var caller = new SipCaller(peer, agent.LocalEndPoint);
        caller.SendInvite();
        var call = await handler.NextAsync();

        await call.HangupAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(SipMethod.Invite, (await caller.ResponseAsync(480)).CSeq!.Value.Method);
    }

    [Fact]
    public async Task Reject_SendsTheStatusWithAReasonHeader_AndTheAckEndsTheRetransmissions()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var handler = new RecordingInboundHandler(call => call.Reject(404, "Not Found"));
        agent.InboundCalls = handler;
        var caller = new SipCaller(peer, agent.LocalEndPoint);

        caller.SendInvite();
        var call = await handler.NextAsync();
        var notFound = await caller.ResponseAsync(404);
        caller.SendInDialog("ACK", sequence: caller.Sequence, branch: caller.InviteBranch);

        Assert.Equal("SIP;cause=404;text=\"Not Found\"", notFound.GetHeader("Reason"));
        Assert.NotNull(notFound.To!.Tag);
        Assert.True(await peer.NothingWithinAsync(1.2));
        Assert.Equal(SipCallState.Ended, call.State);
        Assert.False(call.Reject(486, "Busy Here"));
        Assert.Throws<ArgumentOutOfRangeException>(() => call.Reject(200, "OK"));
    }

    [Fact]
    public async Task OfferlessInvite_TheOkCarriesOurOffer_AndTheAckCarriesTheAnswer()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var handler = new RecordingInboundHandler();
        agent.InboundCalls = handler;
        var caller = new SipCaller(peer, agent.LocalEndPoint);
        caller.SendInvite(sdp: null);
        var call = await handler.NextAsync();
        var observer = new RecordingObserver();
        call.Attach(observer);

        Assert.Null(call.SdpOffer);
        call.Answer(Answer);
        Assert.Equal(Answer, (await caller.ResponseAsync(200)).BodyAsString());
        caller.SendAck(body: SipCaller.Offer);

        Assert.Equal(new SipCallConfirmed(SipCaller.Offer), await observer.NextAsync());
    }

    [Fact]
    public async Task RetransmittedInvite_AfterTheAnswer_IsAbsorbed_NotANewCall()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var handler = new RecordingInboundHandler(call => call.Answer(Answer));
        agent.InboundCalls = handler;
        var caller = new SipCaller(peer, agent.LocalEndPoint);

        caller.SendInvite();
        await caller.ResponseAsync(200);
        caller.SendInvite();

        Assert.True(await peer.NothingWithinAsync(0.3));
        Assert.Equal(1, handler.Count);
        Assert.Equal(1, agent.ActiveCallCount);
    }

    [Fact]
    public async Task MergedInvite_ThatArrivesByAnotherPath_Is482()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var handler = new RecordingInboundHandler();
        agent.InboundCalls = handler;
        var caller = new SipCaller(peer, agent.LocalEndPoint);

        caller.SendInvite();
        await caller.ResponseAsync(100);
        caller.SendInvite(branch: "z9hG4bKotherpath");

        Assert.Equal(482, (await caller.ResponseAsync(482)).StatusCode);
        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public async Task Invite_RequiringAnExtension_Is420NamingIt()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        agent.InboundCalls = new RecordingInboundHandler();
        var caller = new SipCaller(peer, agent.LocalEndPoint);

        caller.SendInvite(extra: "Require: 100rel\r\n");

        Assert.Equal("100rel", (await caller.ResponseAsync(420)).GetHeader("Unsupported"));
    }

    [Fact]
    public async Task HandlerThatThrows_LeavesTheCaller500()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        agent.InboundCalls = new RecordingInboundHandler(_ => throw new InvalidOperationException("boom"));
        var caller = new SipCaller(peer, agent.LocalEndPoint);

        caller.SendInvite();

        Assert.Equal(500, (await caller.ResponseAsync(500)).StatusCode);
        Assert.Equal(0, agent.ActiveCallCount);
    }
}
