using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Tests.UserAgent;

/// <summary>How the user agent answers requests it receives, driven from a raw loopback socket.</summary>
public class SipUserAgentInboundTests
{
    [Fact]
    public async Task Options_IsAnswered200WithAllow_AndRetransmissionGetsSameResponse()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var options = peer.Request("OPTIONS", "z9hG4bKopt1");

        peer.Send(options, agent.LocalEndPoint);
        var first = Assert.IsType<SipResponse>(await peer.ReceiveAsync());
        peer.Send(options, agent.LocalEndPoint);
        var second = Assert.IsType<SipResponse>(await peer.ReceiveAsync());

        Assert.Equal(200, first.StatusCode);
        Assert.Contains("INVITE", first.GetHeader("Allow"), StringComparison.Ordinal);
        Assert.Equal(first.To!.Tag, second.To!.Tag);
        Assert.Equal(peer.Port, first.TopVia!.Rport);
        Assert.Equal("127.0.0.1", first.TopVia.Received);
    }

    [Fact]
    public async Task TwoClientsReusingABranch_EachGetTheirOwnAnswer()
    {
        // RFC 3261 §17.2.3: the sent-by tells the second client's request from a retransmission of the first's.
        await using var agent = await UserAgentFixture.StartAsync();
        using var first = new UdpPeer();
        using var second = new UdpPeer();

        first.Send(first.Request("OPTIONS", "z9hG4bKshared"), agent.LocalEndPoint);
        Assert.Equal(200, Assert.IsType<SipResponse>(await first.ReceiveAsync()).StatusCode);
        second.Send(second.Request("OPTIONS", "z9hG4bKshared"), agent.LocalEndPoint);
        var answer = Assert.IsType<SipResponse>(await second.ReceiveAsync());

        Assert.Equal(200, answer.StatusCode);
        Assert.Equal(second.Port, answer.TopVia!.Rport);
    }

    [Fact]
    public async Task ARequestRequiringAnUnknownExtension_Is420NamingIt()
    {
        // RFC 3261 §8.2.2.3 holds for every request but CANCEL and ACK, not only INVITE.
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();

        peer.Send(peer.Request("OPTIONS", "z9hG4bKreq1", extra: "Require: nosuchextension\r\n"), agent.LocalEndPoint);
        var answer = Assert.IsType<SipResponse>(await peer.ReceiveAsync());

        Assert.Equal(420, answer.StatusCode);
        Assert.Equal("nosuchextension", answer.GetHeader("Unsupported"));
    }

    [Fact]
    public async Task Bye_ForUnknownDialog_Is481()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();

        peer.Send(peer.Request("BYE", "z9hG4bKbye1"), agent.LocalEndPoint);

        Assert.Equal(481, Assert.IsType<SipResponse>(await peer.ReceiveAsync()).StatusCode);
    }

    [Fact]
    public async Task Invite_IsRefused480WithReason_AndAckStopsRetransmission()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();

        peer.Send(peer.Request("INVITE", "z9hG4bKinv1"), agent.LocalEndPoint);
        var response = Assert.IsType<SipResponse>(await peer.ReceiveAsync());
        peer.Send(peer.Request("ACK", "z9hG4bKinv1"), agent.LocalEndPoint);

        Assert.Equal(480, response.StatusCode);
        Assert.Contains("not routed", response.GetHeader("Reason"), StringComparison.Ordinal);
        Assert.NotNull(response.To!.Tag);
        Assert.True(await peer.NothingWithinAsync(1.2));
    }

    [Fact]
    public async Task UnsupportedMethod_Is501()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();

        peer.Send(peer.Request("SUBSCRIBE", "z9hG4bKsub1"), agent.LocalEndPoint);

        Assert.Equal(501, Assert.IsType<SipResponse>(await peer.ReceiveAsync()).StatusCode);
    }

    [Fact]
    public async Task MalformedRequest_Is400NamingTheProblem()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();

        peer.Send(peer.Request("OPTIONS", "z9hG4bKbad1", cseqMethod: "INVITE"), agent.LocalEndPoint);

        var response = Assert.IsType<SipResponse>(await peer.ReceiveAsync());
        Assert.Equal(400, response.StatusCode);
        Assert.Equal("CSeq method does not match request method", response.ReasonPhrase);
    }

    [Fact]
    public async Task Garbage_IsDroppedAndCounted_AndTheAgentKeepsAnswering()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();

        peer.Send("this is not SIP\r\n", agent.LocalEndPoint);
        peer.Send("\r\n\r\n", agent.LocalEndPoint);
        peer.Send(peer.Request("OPTIONS", "z9hG4bKafter"), agent.LocalEndPoint);

        Assert.Equal(200, Assert.IsType<SipResponse>(await peer.ReceiveAsync()).StatusCode);
        Assert.Equal(1, agent.DroppedMessageCount);
    }
}
