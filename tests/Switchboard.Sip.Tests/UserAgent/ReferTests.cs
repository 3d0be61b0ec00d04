using Switchboard.Sip.Messages;
using Switchboard.Sip.Tests.Support;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Tests.UserAgent;

/// <summary>A blind transfer we ask for (RFC 3515 REFER, RFC 3892 Referred-By) and the NOTIFYs of its subscription.</summary>
public class ReferTests
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    static string Notify(string state = "active;expires=60", string eventHeader = "refer") =>
        $"Event: {eventHeader}\r\nSubscription-State: {state}\r\n";

    [Fact]
    public async Task Refer_ToANumber_GoesToTheRemoteTargetsHost_WithReferredByAndContact()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var (call, _, _) = await InDialogRequestTests.ConfirmedInboundAsync(agent, peer);

        var referring = call.ReferAsync(new SipReferRequest("+15550199") { Headers = [new("X-Reason", "after hours")] }, CancellationToken.None);
        var refer = await peer.ReceiveRequestAsync("REFER");
        peer.Respond(refer, 202, "Accepted", agent.LocalEndPoint, toTag: null);

        Assert.Equal(new SipInDialogResult(202, "Accepted", null), await referring.WaitAsync(Patience));
        Assert.Equal("<sip:+15550199@127.0.0.1>", refer.GetHeader("Refer-To"));
        Assert.Equal($"<{call.Dialog!.Local.Uri}>", refer.GetHeader("Referred-By"));
        Assert.Equal("after hours", refer.GetHeader("X-Reason"));
        Assert.NotNull(refer.Contact);
        Assert.Equal("caller1", refer.To!.Tag);
    }

    [Theory]
    [InlineData("sip:sales@pbx.example.com", "<sip:sales@pbx.example.com>")]
    [InlineData("<sip:sales@pbx.example.com;transport=tcp>", "<sip:sales@pbx.example.com;transport=tcp>")]
    [InlineData("\"Sales\" <sip:sales@pbx.example.com>", "\"Sales\" <sip:sales@pbx.example.com>")]
    [InlineData("tel:+15550199", "<tel:+15550199>")]
    public async Task Refer_ToAUri_SendsItAsAnAddress(string referTo, string header)
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var (call, _, _) = await InDialogRequestTests.ConfirmedInboundAsync(agent, peer);

        var referring = call.ReferAsync(new SipReferRequest(referTo) { ReferredBy = "+15550100", ReferredByDisplayName = "Alice \"A\"" }, CancellationToken.None);
        var refer = await peer.ReceiveRequestAsync("REFER");
        peer.Respond(refer, 202, "Accepted", agent.LocalEndPoint, toTag: null);
        await referring.WaitAsync(Patience);

        Assert.Equal(header, refer.GetHeader("Refer-To"));
        Assert.Equal("\"Alice \\\"A\\\"\" <sip:+15550100@127.0.0.1>", refer.GetHeader("Referred-By"));
    }

    [Fact]
    public async Task Accepted_EachNotifyIsAnswered200_AndReported_UntilOneEndsTheSubscription()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var (call, caller, observer) = await InDialogRequestTests.ConfirmedInboundAsync(agent, peer);
        var referring = call.ReferAsync(new SipReferRequest("+15550199"), CancellationToken.None);
        var refer = await peer.ReceiveRequestAsync("REFER");
        peer.Respond(refer, 202, "Accepted", agent.LocalEndPoint, toTag: null);
        await referring.WaitAsync(Patience);

        caller.SendInDialog("NOTIFY", "SIP/2.0 100 Trying\r\n", contentType: "message/sipfrag", extra: Notify(eventHeader: $"refer;id={refer.CSeq!.Value.Number}"));
        Assert.Equal(SipMethod.Notify, (await caller.ResponseAsync(200)).CSeq!.Value.Method);
        Assert.Equal(new SipCallReferNotify(new SipFragStatus(100, "Trying"), false), await observer.NextAsync());

        caller.SendInDialog("NOTIFY", "SIP/2.0 200 OK\r\n", contentType: "message/sipfrag", extra: Notify(state: "terminated;reason=noresource"));
        await caller.ResponseAsync(200);
        Assert.Equal(new SipCallReferNotify(new SipFragStatus(200, "OK"), true), await observer.NextAsync());

        caller.SendInDialog("NOTIFY", "SIP/2.0 200 OK\r\n", contentType: "message/sipfrag", extra: Notify());
        await caller.ResponseAsync(481);
        Assert.False(observer.TryRead(out _));
        Assert.Equal(SipCallState.Confirmed, call.State);
    }

    [Fact]
    public async Task Refused_CompletesWithItsStatus_ThereIsNoSubscription_AndAnotherTransferMayFollow()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var (call, caller, observer) = await InDialogRequestTests.ConfirmedInboundAsync(agent, peer);

        var referring = call.ReferAsync(new SipReferRequest("+15550199"), CancellationToken.None);
        peer.Respond(await peer.ReceiveRequestAsync("REFER"), 403, "Forbidden", agent.LocalEndPoint, toTag: null);
        Assert.Equal(new SipInDialogResult(403, "Forbidden", null), await referring.WaitAsync(Patience));

        caller.SendInDialog("NOTIFY", "SIP/2.0 100 Trying\r\n", contentType: "message/sipfrag", extra: Notify());
        await caller.ResponseAsync(481);
        var again = call.ReferAsync(new SipReferRequest("+15550198"), CancellationToken.None);
        peer.Respond(await peer.ReceiveRequestAsync("REFER"), 202, "Accepted", agent.LocalEndPoint, toTag: null);

        Assert.Equal(202, (await again.WaitAsync(Patience)).StatusCode);
        Assert.False(observer.TryRead(out _));
    }

    [Fact]
    public async Task ASecondTransfer_WhileOneIsUnderWay_Is491WithoutSending()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var (call, _, _) = await InDialogRequestTests.ConfirmedInboundAsync(agent, peer);
        var first = call.ReferAsync(new SipReferRequest("+15550199"), CancellationToken.None);
        peer.Respond(await peer.ReceiveRequestAsync("REFER"), 202, "Accepted", agent.LocalEndPoint, toTag: null);
        await first.WaitAsync(Patience);

        var second = await call.ReferAsync(new SipReferRequest("+15550198"), CancellationToken.None);

        Assert.Equal(491, second.StatusCode);
        Assert.False(second.IsAnswered);
        Assert.True(await peer.NothingWithinAsync(0.3));
    }

    [Fact]
    public async Task ANotifyOvertakingThe202_IsReportedToo()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var (call, caller, observer) = await InDialogRequestTests.ConfirmedInboundAsync(agent, peer);
        var referring = call.ReferAsync(new SipReferRequest("+15550199"), CancellationToken.None);
        var refer = await peer.ReceiveRequestAsync("REFER");

        caller.SendInDialog("NOTIFY", "SIP/2.0 100 Trying\r\n", contentType: "message/sipfrag", extra: Notify());
        await caller.ResponseAsync(200);
        peer.Respond(refer, 202, "Accepted", agent.LocalEndPoint, toTag: null);

        Assert.Equal(new SipCallReferNotify(new SipFragStatus(100, "Trying"), false), await observer.NextAsync());
        Assert.Equal(202, (await referring.WaitAsync(Patience)).StatusCode);
    }

    [Theory]
    [InlineData("dialog", "message/sipfrag", "SIP/2.0 200 OK\r\n", 489)]
    [InlineData("refer;id=9999", "message/sipfrag", "SIP/2.0 200 OK\r\n", 481)]
    [InlineData("refer", "text/plain", "SIP/2.0 200 OK\r\n", 415)]
    [InlineData("refer", "message/sipfrag", "ringing\r\n", 400)]
    [InlineData("refer", "message/sipfrag", "", 400)]
    public async Task ANotifyThatIsNotAReportOfOurReferralIsRefused(string eventHeader, string contentType, string body, int status)
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var (call, caller, observer) = await InDialogRequestTests.ConfirmedInboundAsync(agent, peer);
        var referring = call.ReferAsync(new SipReferRequest("+15550199"), CancellationToken.None);
        peer.Respond(await peer.ReceiveRequestAsync("REFER"), 202, "Accepted", agent.LocalEndPoint, toTag: null);
        await referring.WaitAsync(Patience);

        caller.SendInDialog("NOTIFY", body, contentType: contentType, extra: $"Event: {eventHeader}\r\nSubscription-State: active\r\n");

        Assert.Equal(status, (await caller.ResponseAsync(status)).StatusCode);
        Assert.False(observer.TryRead(out _));
        Assert.Equal(SipCallState.Confirmed, call.State);
    }

    [Fact]
    public async Task ANotifyWithoutAnyReferral_Is481()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var (_, caller, observer) = await InDialogRequestTests.ConfirmedInboundAsync(agent, peer);

        caller.SendInDialog("NOTIFY", "SIP/2.0 200 OK\r\n", contentType: "message/sipfrag", extra: Notify());

        await caller.ResponseAsync(481);
        Assert.False(observer.TryRead(out _));
    }
}
