using Switchboard.Sip.Messages;
using Switchboard.Sip.Tests.Support;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Tests.UserAgent;

/// <summary>Re-INVITEs we send (RFC 3261 §14.1), from both call kinds.</summary>
public class ReinviteTests
{
    const string Hold = "v=0\r\no=sb 1 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 20000 RTP/AVP 0\r\na=sendonly\r\n";
    const string HoldAnswer = "v=0\r\no=callee 1 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 31000 RTP/AVP 0\r\na=recvonly\r\n";

    [Fact]
    public async Task Outbound_Reinvite_GoesToTheContactInTheDialog_AcksThe2xx_AndTakesItsContactAsTheNewTarget()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var (call, callee, observer) = await InDialogRequestTests.ConfirmedOutboundAsync(agent, peer);

        var result = call.ReinviteAsync(Hold, CancellationToken.None);
        var invite = await peer.ReceiveRequestAsync("INVITE");
        var moved = $"Contact: <sip:bob-moved@127.0.0.1:{peer.Port}>\r\nContent-Type: application/sdp\r\n";
        peer.Respond(invite, 200, "OK", agent.LocalEndPoint, toTag: null, extra: moved, body: HoldAnswer);
        var ack = await peer.ReceiveRequestAsync("ACK");
        peer.Respond(invite, 200, "OK", agent.LocalEndPoint, toTag: null, extra: moved, body: HoldAnswer);
        var secondAck = await peer.ReceiveRequestAsync("ACK");

        Assert.Equal(new SipReinviteResult(200, "OK", HoldAnswer), await result.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal($"sip:bob@127.0.0.1:{peer.Port}", invite.RequestUri.ToString());
        Assert.Equal(new SipCSeq(2, SipMethod.Invite), invite.CSeq);
        Assert.Equal(callee.Invite!.From!.Tag, invite.From!.Tag);
        Assert.Equal("peer1", invite.To!.Tag);
        Assert.Equal(agent.LocalEndPoint.Port, invite.Contact!.Uri.Port);
        Assert.Equal(Hold, invite.BodyAsString());
        Assert.NotEqual(invite.TopVia!.Branch, callee.Invite.TopVia!.Branch);
        Assert.Equal(new SipCSeq(2, SipMethod.Ack), ack.CSeq);
        Assert.NotEqual(invite.TopVia.Branch, ack.TopVia!.Branch);
        Assert.Equal(ack.TopVia.Branch, secondAck.TopVia!.Branch);
        Assert.Equal($"sip:bob-moved@127.0.0.1:{peer.Port}", call.Dialog!.RemoteTarget.ToString());
        Assert.False(observer.TryRead(out _));
    }

    [Fact]
    public async Task Outbound_Reinvite_Answered491_IsRetriedOnceAfterTheCallIdOwnersDelay()
    {
        var clock = new ManualTimeProvider();
        await using var agent = await UserAgentFixture.StartAsync(clock);
        using var peer = new UdpPeer();
        var (call, _, _) = await InDialogRequestTests.ConfirmedOutboundAsync(agent, peer);

        var result = call.ReinviteAsync(Hold, CancellationToken.None);
        var first = await peer.ReceiveRequestAsync("INVITE");
        peer.Respond(first, 491, "Request Pending", agent.LocalEndPoint, toTag: null);
        Assert.Equal(first.TopVia!.Branch, (await peer.ReceiveRequestAsync("ACK")).TopVia!.Branch);
        var (second, after) = await AdvanceUntilRequestAsync(clock, peer, "INVITE");
        Assert.InRange(after, 2.1, 4.05);
        peer.Respond(second, 200, "OK", agent.LocalEndPoint, toTag: null, extra: "Content-Type: application/sdp\r\n", body: HoldAnswer);
        await peer.ReceiveRequestAsync("ACK");

        Assert.True((await result.WaitAsync(TimeSpan.FromSeconds(5))).IsAccepted);
        Assert.Equal(new SipCSeq(3, SipMethod.Invite), second.CSeq);
    }

    [Fact]
    public async Task Outbound_Reinvite_Answered491Twice_ReportsTheRefusal_AndTheCallStaysUp()
    {
        var clock = new ManualTimeProvider();
        await using var agent = await UserAgentFixture.StartAsync(clock);
        using var peer = new UdpPeer();
        var (call, _, observer) = await InDialogRequestTests.ConfirmedOutboundAsync(agent, peer);

        var result = call.ReinviteAsync(Hold, CancellationToken.None);
        var first = await peer.ReceiveRequestAsync("INVITE");
        peer.Respond(first, 491, "Request Pending", agent.LocalEndPoint, toTag: null);
        await peer.ReceiveRequestAsync("ACK");
        var (second, _) = await AdvanceUntilRequestAsync(clock, peer, "INVITE");
        peer.Respond(second, 491, "Request Pending", agent.LocalEndPoint, toTag: null);

        Assert.Equal(491, (await result.WaitAsync(TimeSpan.FromSeconds(5))).StatusCode);
        Assert.Equal(SipCallState.Confirmed, call.State);
        Assert.False(observer.TryRead(out _));
    }

    [Fact]
    public async Task Outbound_Reinvite_Answered481_EndsTheCallWithDialogFailed()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var (call, _, observer) = await InDialogRequestTests.ConfirmedOutboundAsync(agent, peer);

        var result = call.ReinviteAsync(Hold, CancellationToken.None);
        var invite = await peer.ReceiveRequestAsync("INVITE");
        peer.Respond(invite, 481, "Call/Transaction Does Not Exist", agent.LocalEndPoint, toTag: null);

        Assert.Equal(481, (await result.WaitAsync(TimeSpan.FromSeconds(5))).StatusCode);
        Assert.Equal(new SipCallDialogFailed(481, "Call/Transaction Does Not Exist"), await observer.NextAsync());
        await call.Completion.WaitAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(0, agent.ActiveCallCount);
    }

    [Fact]
    public async Task Outbound_Reinvite_WithNoResponseAtAll_TimesOutAs408_AndEndsTheCall()
    {
        var clock = new ManualTimeProvider();
        await using var agent = await UserAgentFixture.StartAsync(clock);
        using var peer = new UdpPeer();
        var (call, _, observer) = await InDialogRequestTests.ConfirmedOutboundAsync(agent, peer);

        var result = call.ReinviteAsync(Hold, CancellationToken.None);
        await peer.ReceiveRequestAsync("INVITE");
        clock.Advance(TimeSpan.FromSeconds(32.1));

        Assert.Equal(408, (await result.WaitAsync(TimeSpan.FromSeconds(5))).StatusCode);
        Assert.IsType<SipCallDialogFailed>(await observer.NextAsync());
        Assert.Equal(SipCallState.Ended, call.State);
    }

    [Fact]
    public async Task Outbound_PeersReinvite_WhileOursIsPending_Is491()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var (call, callee, _) = await InDialogRequestTests.ConfirmedOutboundAsync(agent, peer);
        call.OfferAnswerer = new FixedAnswerer(Hold);

        var ours = call.ReinviteAsync(Hold, CancellationToken.None);
        var invite = await peer.ReceiveRequestAsync("INVITE");
        callee.Send("INVITE", HoldAnswer);
        var glare = await callee.ResponseAsync("INVITE");
        peer.Respond(invite, 200, "OK", agent.LocalEndPoint, toTag: null, extra: "Content-Type: application/sdp\r\n", body: HoldAnswer);

        Assert.Equal(491, glare.StatusCode);
        Assert.True((await ours.WaitAsync(TimeSpan.FromSeconds(5))).IsAccepted);
    }

    [Fact]
    public async Task Reinvite_WhileAnotherOfOursIsPending_OrWithoutADialog_IsRefusedLocally()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var observer = new RecordingObserver();
        var ringing = agent.PlaceCall(UserAgentFixture.Request($"sip:bob@127.0.0.1:{peer.Port}"), observer);
        Assert.Equal(481, (await ringing.ReinviteAsync(Hold, CancellationToken.None)).StatusCode);
        await peer.ReceiveRequestAsync("INVITE");
        using var otherPeer = new UdpPeer();
        var (call, _, _) = await InDialogRequestTests.ConfirmedOutboundAsync(agent, otherPeer);

        var first = call.ReinviteAsync(Hold, CancellationToken.None);
        var second = await call.ReinviteAsync(Hold, CancellationToken.None);

        Assert.Equal(491, second.StatusCode);
        Assert.False(first.IsCompleted);
    }

    [Fact]
    public async Task Inbound_Reinvite_GoesToTheCallersContactThroughTheRecordRoute_WithOurTagAndOurFirstCSeq()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var (call, caller, _) = await InDialogRequestTests.ConfirmedInboundAsync(agent, peer, $"Record-Route: <sip:127.0.0.1:{peer.Port};lr>\r\n");

        var result = call.ReinviteAsync(Hold, CancellationToken.None);
        var invite = await peer.ReceiveRequestAsync("INVITE");
        peer.Respond(invite, 200, "OK", agent.LocalEndPoint, toTag: null, extra: "Content-Type: application/sdp\r\n", body: HoldAnswer);
        var ack = await peer.ReceiveRequestAsync("ACK");

        Assert.True((await result.WaitAsync(TimeSpan.FromSeconds(5))).IsAccepted);
        Assert.Equal($"sip:alice@127.0.0.1:{peer.Port}", invite.RequestUri.ToString());
        Assert.Equal([$"<sip:127.0.0.1:{peer.Port};lr>"], invite.Routes);
        Assert.Equal(call.Dialog!.LocalTag, invite.From!.Tag);
        Assert.Equal("caller1", invite.To!.Tag);
        Assert.Equal(caller.CallId, invite.CallId);
        Assert.Equal(new SipCSeq(1, SipMethod.Invite), invite.CSeq);
        Assert.Equal(new SipCSeq(1, SipMethod.Ack), ack.CSeq);
        Assert.Equal(invite.Routes, ack.Routes);
    }

    [Fact]
    public async Task Inbound_Reinvite_Answered491_IsRetriedWithinTheNonOwnersTwoSeconds()
    {
        var clock = new ManualTimeProvider();
        await using var agent = await UserAgentFixture.StartAsync(clock);
        using var peer = new UdpPeer();
        var (call, _, _) = await InDialogRequestTests.ConfirmedInboundAsync(agent, peer);

        var result = call.ReinviteAsync(Hold, CancellationToken.None);
        var first = await peer.ReceiveRequestAsync("INVITE");
        peer.Respond(first, 491, "Request Pending", agent.LocalEndPoint, toTag: null);
        await peer.ReceiveRequestAsync("ACK");
        var (second, after) = await AdvanceUntilRequestAsync(clock, peer, "INVITE");
        Assert.InRange(after, 0, 2.05);
        peer.Respond(second, 488, "Not Acceptable Here", agent.LocalEndPoint, toTag: null);

        Assert.Equal(488, (await result.WaitAsync(TimeSpan.FromSeconds(5))).StatusCode);
        Assert.Equal(new SipCSeq(2, SipMethod.Invite), second.CSeq);
        Assert.Equal(SipCallState.Confirmed, call.State);
    }

    /// <summary>
    /// Moves the manual clock in 50 ms steps until the peer receives <paramref name="method"/>; returns it and the
    /// virtual time that took. The short real wait first lets the receive thread arm the timer before the clock moves.
    /// </summary>
    static async Task<(SipRequest Request, double After)> AdvanceUntilRequestAsync(ManualTimeProvider clock, UdpPeer peer, string method)
    {
        await Task.Delay(100);
        var start = clock.Elapsed;
        while ((clock.Elapsed - start).TotalSeconds < 5)
        {
            clock.Advance(TimeSpan.FromMilliseconds(50));
            foreach (var message in await peer.DrainAsync(0.02))
            {
                if (message is SipRequest request && request.Method.Name == method)
                {
                    return (request, (clock.Elapsed - start).TotalSeconds);
                }
            }
        }

        throw new TimeoutException($"No {method} within 5 virtual seconds.");
    }
}
