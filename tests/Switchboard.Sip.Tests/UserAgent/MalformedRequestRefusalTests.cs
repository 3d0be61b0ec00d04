using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Tests.UserAgent;

/// <summary>
/// What is refused and what is only dropped: a malformed ACK is never answered (RFC 3261 §17.2.3), nor a request
/// with no Via to answer to (§18.2.2); both are counted. Everything else gets the status its fault calls for.
/// </summary>
public class MalformedRequestRefusalTests
{
    [Theory]
    [InlineData("ACK <sip:sb@127.0.0.1> SIP/2.0", "ACK")]
    [InlineData("ACK sip:sb@127.0.0.1 SIP/3.0", "ACK")]
    [InlineData("ACK sip:sb@127.0.0.1 SIP/2.0", "INVITE")]
    [InlineData("FOO sip:sb@127.0.0.1 SIP/2.0", "ACK")]
    public async Task AMalformedAck_IsDroppedAndCounted_NeverAnswered(string requestLine, string cseqMethod)
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();

        peer.Send(Message(requestLine, $"Via: SIP/2.0/UDP 127.0.0.1:{peer.Port};branch=z9hG4bKack;rport", cseqMethod), agent.LocalEndPoint);

        Assert.True(await peer.NothingWithinAsync(0.3));
        Assert.Equal(1, agent.DroppedMessageCount);
    }

    [Theory]
    [InlineData("Via: SIP/2.0/UDP")]
    [InlineData("X-Not-Via: SIP/2.0/UDP 127.0.0.1")]
    public async Task ARequestWithNoViaToAnswerTo_IsDroppedAndCounted(string via)
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();

        peer.Send(Message("OPTIONS <sip:sb@127.0.0.1> SIP/2.0", via, "OPTIONS"), agent.LocalEndPoint);

        Assert.True(await peer.NothingWithinAsync(0.3));
        Assert.Equal(1, agent.DroppedMessageCount);
    }

    [Theory]
    [InlineData("OPTIONS tel:+15550100 SIP/2.0", 416, "Bad Request-URI: URI scheme is not sip or sips")]
    [InlineData("OPTIONS sip:sb@127.0.0.1 SIP/2.1", 505, "Unsupported SIP version")]
    [InlineData("OPTIONS sip:sb@127.0.0.1 HTTP/1.1", 400, "Malformed SIP version")]
    [InlineData("OPTIONS\tsip:sb@127.0.0.1 SIP/2.0", 400, "Malformed request line")]
    public async Task ARequestLineItCannotTake_IsRefusedWithTheStatusItsFaultCallsFor(string requestLine, int status, string reason)
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();

        peer.Send(Message(requestLine, $"Via: SIP/2.0/UDP 127.0.0.1:{peer.Port};branch=z9hG4bKline;rport", "OPTIONS"), agent.LocalEndPoint);

        var answer = Assert.IsType<SipResponse>(await peer.ReceiveAsync());
        Assert.Equal((status, reason), (answer.StatusCode, answer.ReasonPhrase));
        Assert.Equal("line-call", answer.CallId);
        Assert.NotNull(answer.To!.Tag);
        Assert.Equal(0, agent.DroppedMessageCount);
    }

    static string Message(string requestLine, string via, string cseqMethod) =>
        $"{requestLine}\r\n{via}\r\nMax-Forwards: 70\r\nFrom: <sip:peer@127.0.0.1>;tag=p1\r\nTo: <sip:sb@127.0.0.1>\r\n" +
        $"Call-ID: line-call\r\nCSeq: 1 {cseqMethod}\r\nContent-Length: 0\r\n\r\n";
}
