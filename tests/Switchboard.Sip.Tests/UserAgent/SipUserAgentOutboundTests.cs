using Switchboard.Sip.Messages;
using Switchboard.Sip.Tests.Support;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Tests.UserAgent;

/// <summary>Outbound failure paths a real peer cannot produce on demand.</summary>
public class SipUserAgentOutboundTests
{
    [Fact]
    public async Task PlaceCall_SendsWellFormedInvite()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();

        var call = agent.PlaceCall(UserAgentFixture.Request($"sip:+306971234567@127.0.0.1:{peer.Port}"), new RecordingObserver());
        var invite = Assert.IsType<SipRequest>(await peer.ReceiveAsync());

        Assert.Equal(SipMethod.Invite, invite.Method);
        Assert.Equal(call.CallId, invite.CallId);
        Assert.StartsWith("z9hG4bK", invite.TopVia!.Branch, StringComparison.Ordinal);
        Assert.True(invite.TopVia.HasRport);
        Assert.Equal(agent.LocalEndPoint.Port, invite.TopVia.Port);
        Assert.Equal("127.0.0.1", invite.TopVia.Host);
        Assert.Equal("Switchboard Test", invite.From!.DisplayName);
        Assert.Equal("+15550100", invite.From.Uri.User);
        Assert.NotNull(invite.From.Tag);
        Assert.Equal("+306971234567", invite.To!.Uri.User);
        Assert.Null(invite.To.Tag);
        Assert.Equal(new SipCSeq(1, SipMethod.Invite), invite.CSeq);
        Assert.Equal(70, invite.MaxForwards);
        Assert.Equal(agent.LocalEndPoint.Port, invite.Contact!.Uri.Port);
        Assert.Equal("yes", invite.GetHeader("X-Test"));
        Assert.Equal("Switchboard", invite.GetHeader("User-Agent"));
        Assert.Equal("application/sdp", invite.ContentType);
        Assert.Equal(UserAgentFixture.Sdp, invite.BodyAsString());
    }

    [Fact]
    public async Task PlaceCall_WithAToUri_SendsToTheTargetButNamesTheAddressOfRecordInTo()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var contact = $"sip:alice@127.0.0.1:{peer.Port};transport=udp";

        agent.PlaceCall(UserAgentFixture.Request(contact) with { ToUri = "sip:alice@example.com" }, new RecordingObserver());
        var invite = Assert.IsType<SipRequest>(await peer.ReceiveAsync());

        Assert.Equal(contact, invite.RequestUri.ToString());
        Assert.Equal("sip:alice@example.com", invite.To!.Uri.ToString());
        Assert.Null(invite.To.Tag);
    }

    [Fact]
    public async Task PlaceCall_WithAToUriThatIsNotSip_Throws()
    {
        await using var agent = await UserAgentFixture.StartAsync();

        Assert.Throws<ArgumentException>(() => agent.PlaceCall(UserAgentFixture.Request("sip:alice@127.0.0.1:5062") with { ToUri = "tel:+15550100" }, new RecordingObserver()));
    }

    [Fact]
    public async Task PlaceCall_WhenNobodyAnswers_ReportsTimeout408AfterTimerB_AndHangupThenIsANoOp()
    {
        var clock = new ManualTimeProvider();
        await using var agent = await UserAgentFixture.StartAsync(clock);
        using var peer = new UdpPeer();
        var observer = new RecordingObserver();

        var call = agent.PlaceCall(UserAgentFixture.Request($"sip:bob@127.0.0.1:{peer.Port}"), observer);
        var hangup = call.HangupAsync(CancellationToken.None);
        await peer.ReceiveAsync();
        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.False(hangup.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));

        var rejected = Assert.IsType<SipCallRejected>(await observer.NextAsync());
        Assert.Equal((408, "Request Timeout"), (rejected.StatusCode, rejected.ReasonPhrase));
        await hangup.WaitAsync(TimeSpan.FromSeconds(1));
        await call.HangupAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(1));
        Assert.False(observer.TryRead(out _));
        Assert.Equal(0, agent.ActiveCallCount);
    }

    [Fact]
    public async Task PlaceCall_WhenTargetCannotBeResolved_Reports503()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        var observer = new RecordingObserver();

        agent.PlaceCall(UserAgentFixture.Request("sip:bob@no-such-host.invalid"), observer);

        var rejected = Assert.IsType<SipCallRejected>(await observer.NextAsync());
        Assert.Equal(503, rejected.StatusCode);
    }

    [Fact]
    public async Task PlaceCall_WhenTargetIsNotSip_Throws()
    {
        await using var agent = await UserAgentFixture.StartAsync();

        Assert.Throws<ArgumentException>(() => agent.PlaceCall(UserAgentFixture.Request("tel:+15550100"), new RecordingObserver()));
    }
}
