using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Tests.Support;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Tests.UserAgent;

/// <summary>Hangup races and addressing, driven by a scripted raw UDP peer.</summary>
public class SipUserAgentHangupTests
{
    [Fact]
    public async Task Hangup_BeforeAnyProvisional_WaitsForOne_ThenSendsCancelWithInviteBranch()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var observer = new RecordingObserver();
        var call = agent.PlaceCall(UserAgentFixture.Request($"sip:bob@127.0.0.1:{peer.Port}"), observer);
        var invite = await peer.ReceiveRequestAsync("INVITE");

        var hangup = call.HangupAsync(CancellationToken.None);
        Assert.True(await peer.NothingWithinAsync(0.3));
        peer.Respond(invite, 180, "Ringing", agent.LocalEndPoint);
        var cancel = await peer.ReceiveRequestAsync("CANCEL");
        peer.Respond(cancel, 200, "OK", agent.LocalEndPoint);
        peer.Respond(invite, 487, "Request Terminated", agent.LocalEndPoint);
        await hangup.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(invite.TopVia!.Branch, cancel.TopVia!.Branch);
        Assert.Equal(new SipCSeq(1, SipMethod.Cancel), cancel.CSeq);
        Assert.Equal(SipMethod.Ack, (await peer.ReceiveRequestAsync("ACK")).Method);
        // Progress after the engine asked to hang up is not reported: only the single final event.
        Assert.Equal(487, Assert.IsType<SipCallRejected>(await observer.NextAsync()).StatusCode);
        Assert.False(observer.TryRead(out _));
    }

    [Fact]
    public async Task OkRacingCancel_IsAckedThenByed_AndReportsOneFinalEvent()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var observer = new RecordingObserver();
        var call = agent.PlaceCall(UserAgentFixture.Request($"sip:bob@127.0.0.1:{peer.Port}"), observer);
        var invite = await peer.ReceiveRequestAsync("INVITE");
        peer.Respond(invite, 180, "Ringing", agent.LocalEndPoint);
        await observer.NextAsync();

        var hangup = call.HangupAsync(CancellationToken.None);
        var cancel = await peer.ReceiveRequestAsync("CANCEL");
        var contact = $"Contact: <sip:bob@127.0.0.1:{peer.Port}>\r\n";
        peer.Respond(invite, 200, "OK", agent.LocalEndPoint, extra: contact);
        peer.Respond(cancel, 200, "OK", agent.LocalEndPoint);
        var ack = await peer.ReceiveRequestAsync("ACK");
        var bye = await peer.ReceiveRequestAsync("BYE");
        peer.Respond(bye, 200, "OK", agent.LocalEndPoint, toTag: null);
        await hangup.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.NotEqual(invite.TopVia!.Branch, ack.TopVia!.Branch);
        Assert.Equal("peer1", ack.To!.Tag);
        Assert.Equal(new SipCSeq(1, SipMethod.Ack), ack.CSeq);
        Assert.Equal(new SipCSeq(2, SipMethod.Bye), bye.CSeq);
        Assert.Equal(invite.From!.Tag, bye.From!.Tag);
        Assert.Equal(487, Assert.IsType<SipCallRejected>(await observer.NextAsync()).StatusCode);
        Assert.False(observer.TryRead(out _));
    }

    [Fact]
    public async Task Retransmitted2xx_IsAckedAgain_AndRecordRouteBecomesReversedRouteSet()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var observer = new RecordingObserver();
        var call = agent.PlaceCall(UserAgentFixture.Request($"sip:bob@127.0.0.1:{peer.Port}"), observer);
        var invite = await peer.ReceiveRequestAsync("INVITE");
        var extra = $"Contact: <sip:bob@127.0.0.1:{peer.Port}>\r\nRecord-Route: <sip:127.0.0.1:{peer.Port};lr>, <sip:p1.invalid;lr>\r\n";

        peer.Respond(invite, 200, "OK", agent.LocalEndPoint, extra: extra, body: "v=0\r\n");
        var firstAck = await peer.ReceiveRequestAsync("ACK");
        peer.Respond(invite, 200, "OK", agent.LocalEndPoint, extra: extra, body: "v=0\r\n");
        var secondAck = await peer.ReceiveRequestAsync("ACK");

        Assert.Equal("v=0\r\n", Assert.IsType<SipCallAnswered>(await observer.NextAsync()).Sdp);
        Assert.Equal(firstAck.TopVia!.Branch, secondAck.TopVia!.Branch);
        Assert.Equal(["<sip:p1.invalid;lr>", $"<sip:127.0.0.1:{peer.Port};lr>"], call.Dialog!.RouteSet);
        Assert.Equal(call.Dialog.RouteSet, firstAck.Routes);
        Assert.False(observer.TryRead(out _));
    }

    [Theory]
    [InlineData("0.0.0.0", null, "127.0.0.1")]
    [InlineData("127.0.0.1", "203.0.113.9", "203.0.113.9")]
    public async Task ViaAndContact_UseAdvertisedHost_OrTheRouteTowardTheTarget(string listen, string? advertised, string expected)
    {
        var options = new SipUserAgentOptions(new IPEndPoint(IPAddress.Parse(listen), 0), advertised);
        await using var agent = new SipUserAgent(options, TimeProvider.System, NullLoggerFactory.Instance);
        await agent.StartAsync(CancellationToken.None);
        using var peer = new UdpPeer();

        agent.PlaceCall(UserAgentFixture.Request($"sip:bob@127.0.0.1:{peer.Port}"), new RecordingObserver());
        var invite = await peer.ReceiveRequestAsync("INVITE");

        Assert.Equal(expected, invite.TopVia!.Host);
        Assert.Equal(expected, invite.Contact!.Uri.Host);
        Assert.Equal(agent.LocalEndPoint.Port, invite.Contact.Uri.Port);
    }
}
