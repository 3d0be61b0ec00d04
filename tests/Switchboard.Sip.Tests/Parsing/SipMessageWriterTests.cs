using System.Text;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Tests.Parsing;

public class SipMessageWriterTests
{
    [Fact]
    public void Write_ParsedInvite_RoundTripsHeadersAndBody()
    {
        var original = SipParser.Parse(Encoding.UTF8.GetBytes(SipParserTests.Invite)).Message!;

        var bytes = SipMessageWriter.ToArray(original);
        var reparsed = SipParser.Parse(bytes);

        Assert.True(reparsed.IsSuccess, reparsed.Error?.Reason);
        var request = Assert.IsType<SipRequest>(reparsed.Message);
        Assert.Equal(original.Headers.Select(h => h.ToString()), request.Headers.Select(h => h.ToString()));
        Assert.Equal(original.BodyAsString(), request.BodyAsString());
        Assert.Equal("sip:+306971234567@127.0.0.1:5070;transport=udp", request.RequestUri.ToString());
    }

    [Fact]
    public void Write_Response_ComputesContentLengthFromBody()
    {
        var response = new SipResponse(486, "Busy Here",
            [SipHeader.Create("Via", "SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK1"), SipHeader.Create("Content-Length", "999")],
            Encoding.ASCII.GetBytes("abc"));

        var text = Encoding.ASCII.GetString(SipMessageWriter.ToArray(response));

        Assert.Equal("SIP/2.0 486 Busy Here\r\nVia: SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK1\r\nContent-Length: 3\r\n\r\nabc", text);
    }

    [Fact]
    public void NameAddress_ToString_QuotesDisplayNameAndKeepsTag()
    {
        Assert.True(SipNameAddress.TryParse("\"Bob \\\"B\\\"\" <sip:bob@h:5070;transport=udp>;tag=9"u8, out var address));

        Assert.Equal("\"Bob \\\"B\\\"\" <sip:bob@h:5070;transport=udp>;tag=9", address.ToString());
        Assert.Equal("9", address.Tag);
    }
}
