using Switchboard.Sip.Messages;
using Switchboard.Sip.Tests.Support;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Tests.UserAgent;

/// <summary>
/// RFC 3261 §8.1.3.2: a status code the UA does not know is treated as the x00 of its class. The INVITE's answer is
/// read by class, so an unknown 4xx, 5xx or 6xx ends the call as refused (and is ACKed, §17.1.1.3) and an unknown
/// 1xx is progress.
/// </summary>
public class NovelStatusCodeTests
{
    [Theory]
    [InlineData(499, "Novel Client Failure")]
    [InlineData(599, "Novel Server Failure")]
    [InlineData(699, "Novel Global Failure")]
    public async Task AnUnknownFailureCode_EndsTheCallAsItsClass_AndIsAcked(int status, string reason)
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var observer = new RecordingObserver();
        agent.PlaceCall(UserAgentFixture.Request($"sip:bob@127.0.0.1:{peer.Port}"), observer);

        var invite = await peer.ReceiveRequestAsync("INVITE");
        peer.Respond(invite, status, reason, agent.LocalEndPoint);

        var rejected = Assert.IsType<SipCallRejected>(await observer.NextAsync());
        Assert.Equal((status, reason), (rejected.StatusCode, rejected.ReasonPhrase));
        var ack = await peer.ReceiveRequestAsync("ACK");
        Assert.Equal(invite.TopVia!.Branch, ack.TopVia!.Branch);
    }

    [Fact]
    public async Task AnUnknownProvisionalCode_IsProgress_AndTheCallGoesOn()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var observer = new RecordingObserver();
        agent.PlaceCall(UserAgentFixture.Request($"sip:bob@127.0.0.1:{peer.Port}"), observer);

        var invite = await peer.ReceiveRequestAsync("INVITE");
        peer.Respond(invite, 199, "Novel Progress", agent.LocalEndPoint);
        peer.Respond(invite, 486, "Busy Here", agent.LocalEndPoint);

        Assert.Equal(199, Assert.IsType<SipCallProgress>(await observer.NextAsync()).StatusCode);
        Assert.Equal(486, Assert.IsType<SipCallRejected>(await observer.NextAsync()).StatusCode);
    }
}
