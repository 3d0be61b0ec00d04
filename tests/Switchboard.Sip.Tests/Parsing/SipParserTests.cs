using System.Text;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Tests.Parsing;

public class SipParserTests
{
    internal const string Invite =
        "INVITE sip:+306971234567@127.0.0.1:5070;transport=udp SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK776asdhds;rport\r\n" +
        "Max-Forwards: 70\r\n" +
        "To: <sip:+306971234567@127.0.0.1:5070>\r\n" +
        "From: \"Alice Smith\" <sip:alice@example.com>;tag=1928301774\r\n" +
        "Call-ID: a84b4c76e66710@pc33.example.com\r\n" +
        "CSeq: 314159 INVITE\r\n" +
        "Contact: <sip:alice@10.0.0.1:5060>\r\n" +
        "X-Custom: keep me\r\n" +
        "Content-Type: application/sdp\r\n" +
        "Content-Length: 21\r\n" +
        "\r\n" +
        "v=0\r\no=- 1 1 IN IP4 1";

    private static SipParseResult Parse(string text) => SipParser.Parse(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Parse_TypicalInvite_ExposesTypedHeaders()
    {
        var result = Parse(Invite);

        Assert.True(result.IsSuccess, result.Error?.Reason);
        var request = Assert.IsType<SipRequest>(result.Message);
        Assert.Equal(SipMethod.Invite, request.Method);
        Assert.Equal("+306971234567", request.RequestUri.User);
        Assert.Equal("127.0.0.1", request.RequestUri.Host);
        Assert.Equal(5070, request.RequestUri.Port);
        Assert.Equal("udp", request.RequestUri.GetParameter("transport"));
        var via = Assert.Single(request.Vias);
        Assert.Equal("UDP", via.Transport);
        Assert.Equal("10.0.0.1", via.Host);
        Assert.Equal(5060, via.Port);
        Assert.Equal("z9hG4bK776asdhds", via.Branch);
        Assert.True(via.HasRport);
        Assert.Null(via.Rport);
        Assert.Equal("Alice Smith", request.From!.DisplayName);
        Assert.Equal("alice", request.From.Uri.User);
        Assert.Equal("1928301774", request.From.Tag);
        Assert.Null(request.To!.Tag);
        Assert.Equal("a84b4c76e66710@pc33.example.com", request.CallId);
        Assert.Equal(new SipCSeq(314159, SipMethod.Invite), request.CSeq);
        Assert.Equal(70, request.MaxForwards);
        Assert.Equal("10.0.0.1", request.Contact!.Uri.Host);
        Assert.Equal("application/sdp", request.ContentType);
        Assert.Equal("keep me", request.GetHeader("x-custom"));
        Assert.Equal("v=0\r\no=- 1 1 IN IP4 1", request.BodyAsString());
    }

    [Fact]
    public void Parse_OkWithSdp_ReadsStatusRecordRouteAndBody()
    {
        const string sdp = "v=0\r\no=- 2 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n";
        var text =
            "SIP/2.0 200 OK\r\n" +
            "Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKabc;received=192.0.2.1;rport=5099\r\n" +
            "Record-Route: <sip:p2.example.com;lr>, <sip:p1.example.com;lr>\r\n" +
            "From: <sip:a@b>;tag=x\r\nTo: <sip:c@d>;tag=y\r\nCall-ID: 1\r\nCSeq: 1 INVITE\r\n" +
            "Contact: <sip:c@127.0.0.1:5070>\r\nContent-Type: application/sdp\r\n" +
            $"Content-Length: {sdp.Length}\r\n\r\n{sdp}";

        var result = Parse(text);

        Assert.True(result.IsSuccess, result.Error?.Reason);
        var response = Assert.IsType<SipResponse>(result.Message);
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("OK", response.ReasonPhrase);
        Assert.Equal("192.0.2.1", response.TopVia!.Received);
        Assert.Equal(5099, response.TopVia.Rport);
        Assert.Equal(["<sip:p2.example.com;lr>", "<sip:p1.example.com;lr>"], response.RecordRoutes);
        Assert.Equal("y", response.To!.Tag);
        Assert.Equal(sdp, response.BodyAsString());
    }

    [Fact]
    public void Parse_CompactForms_ExpandToCanonicalNames()
    {
        var text =
            "BYE sip:bob@127.0.0.1 SIP/2.0\r\n" +
            "v: SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK1\r\n" +
            "f: sip:alice@a;tag=1\r\nt: sip:bob@b;tag=2\r\ni: callid-1\r\nCSeq: 2 BYE\r\n" +
            "m: <sip:alice@127.0.0.1>\r\nk: timer\r\ns: hello\r\nc: text/plain\r\nl: 2\r\n\r\nhi";

        var result = Parse(text);

        Assert.True(result.IsSuccess, result.Error?.Reason);
        var message = result.Message;
        Assert.Equal("callid-1", message.CallId);
        Assert.Equal("1", message.From!.Tag);
        Assert.Equal("2", message.To!.Tag);
        Assert.Equal("alice", message.Contact!.Uri.User);
        Assert.Equal("timer", message.GetHeader(SipHeaderNames.Supported));
        Assert.Equal("hello", message.GetHeader(SipHeaderNames.Subject));
        Assert.Equal("text/plain", message.ContentType);
        Assert.Equal("hi", message.BodyAsString());
        Assert.Contains(message.Headers, h => h.Name == SipHeaderNames.Via);
    }

    [Fact]
    public void Parse_FoldedHeader_UnfoldsToSingleSpace()
    {
        var text =
            "OPTIONS sip:x@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK1\r\n" +
            "Subject: I know you're there,\r\n   pick up the phone\r\n\tand talk to me!\r\n" +
            "From: <sip:a@b>;tag=1\r\nTo: <sip:x@127.0.0.1>\r\nCall-ID: 1\r\nCSeq: 1 OPTIONS\r\n\r\n";

        var result = Parse(text);

        Assert.True(result.IsSuccess, result.Error?.Reason);
        Assert.Equal("I know you're there, pick up the phone and talk to me!", result.Message.GetHeader("Subject"));
    }

    [Fact]
    public void Parse_MultipleVias_InRepeatedAndCommaSeparatedForms_KeepsOrder()
    {
        var text =
            "SIP/2.0 180 Ringing\r\n" +
            "Via: SIP/2.0/UDP first.example.com;branch=z9hG4bK1, SIP/2.0/TCP second.example.com:5080;branch=z9hG4bK2\r\n" +
            "v: SIP / 2.0 / UDP third.example.com;branch=z9hG4bK3\r\n" +
            "From: <sip:a@b>;tag=1\r\nTo: <sip:c@d>\r\nCall-ID: 1\r\nCSeq: 1 INVITE\r\n\r\n";

        var result = Parse(text);

        Assert.True(result.IsSuccess, result.Error?.Reason);
        var vias = result.Message.Vias;
        Assert.Equal(["first.example.com", "second.example.com", "third.example.com"], vias.Select(v => v.Host));
        Assert.Equal("TCP", vias[1].Transport);
        Assert.Equal(5080, vias[1].Port);
        Assert.Equal("z9hG4bK1", result.Message.TopVia!.Branch);
    }

    [Theory]
    [InlineData("INVITE sip:a@b SIP/3.0\r\n\r\n", SipParseErrorKind.UnsupportedVersion, "Unsupported SIP version")]
    [InlineData("INVITE  SIP/2.0\r\n\r\n", SipParseErrorKind.MalformedStartLine, "Malformed request line")]
    [InlineData("INVITE http://a SIP/2.0\r\n\r\n", SipParseErrorKind.MalformedStartLine, "Bad Request-URI: URI scheme is not sip or sips")]
    [InlineData("SIP/2.0 2000 OK\r\n\r\n", SipParseErrorKind.MalformedStartLine, "Malformed status line")]
    [InlineData("OPTIONS sip:a@b SIP/2.0\r\nVia SIP/2.0/UDP a\r\n\r\n", SipParseErrorKind.MalformedHeader, "Malformed header line")]
    [InlineData("OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP a\r\n", SipParseErrorKind.MalformedHeader, "Headers are not terminated by an empty line")]
    [InlineData("OPTIONS sip:a@b SIP/2.0\r\nContent-Length: 10\r\n\r\nshort", SipParseErrorKind.InvalidContentLength, "Content-Length exceeds message size")]
    [InlineData("OPTIONS sip:a@b SIP/2.0\r\nContent-Length: ten\r\n\r\n", SipParseErrorKind.InvalidContentLength, "Invalid Content-Length")]
    [InlineData("\r\n\r\n", SipParseErrorKind.Empty, "Empty message")]
    public void Parse_MalformedInput_ReturnsTypedErrorWithoutMessage(string text, SipParseErrorKind kind, string reason)
    {
        var result = Parse(text);

        Assert.False(result.IsSuccess);
        Assert.Null(result.Message);
        Assert.Equal(kind, result.Error.Kind);
        Assert.Equal(reason, result.Error.Reason);
    }

    [Theory]
    [InlineData("Call-ID: 1\r\nCSeq: 1 OPTIONS\r\n", "Missing From header")]
    [InlineData("From: <sip:a@b>;tag=1\r\nCSeq: 1 OPTIONS\r\n", "Missing Call-ID header")]
    [InlineData("From: <sip:a@b>;tag=1\r\nCall-ID: 1\r\nCSeq: one OPTIONS\r\n", "Malformed CSeq header")]
    [InlineData("From: <sip:a@b>;tag=1\r\nCall-ID: 1\r\nCSeq: 1 INVITE\r\n", "CSeq method does not match request method")]
    [InlineData("From: \"unterminated <sip:a@b>\r\nCall-ID: 1\r\nCSeq: 1 OPTIONS\r\n", "Malformed From header")]
    [InlineData("From: <sip:a@b>;tag=1\r\nf: <sip:c@d>;tag=2\r\nCall-ID: 1\r\nCSeq: 1 OPTIONS\r\n", "From appears more than once")]
    [InlineData("From: <sip:a@b>;tag=1\r\nCall-ID: 1\r\ni: 2\r\nCSeq: 1 OPTIONS\r\n", "Call-ID appears more than once")]
    [InlineData("From: <sip:a@b>;tag=1\r\nCall-ID: 1\r\nCSeq: 1 OPTIONS\r\nCSeq: 2 OPTIONS\r\n", "CSeq appears more than once")]
    public void Parse_RequestWithBadMandatoryHeader_KeepsMessageSoItCanBeAnswered400(string headers, string reason)
    {
        var text = "OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK1\r\nTo: <sip:a@b>\r\n" + headers + "\r\n";

        var result = Parse(text);

        Assert.False(result.IsSuccess);
        Assert.NotNull(result.Message);
        Assert.Equal(reason, result.Error.Reason);
    }

    [Fact]
    public void Parse_EveryPrefixAndCorruption_NeverThrows()
    {
        var bytes = Encoding.UTF8.GetBytes(Invite);
        for (var length = 0; length <= bytes.Length; length++)
        {
            _ = SipParser.Parse(bytes.AsMemory(0, length).ToArray());
        }

        for (var i = 0; i < bytes.Length; i++)
        {
            var corrupted = (byte[])bytes.Clone();
            corrupted[i] = (byte)(i % 3 == 0 ? ':' : i % 3 == 1 ? '<' : '"');
            var result = SipParser.Parse(corrupted);
            _ = result.Message?.TopVia;
            _ = result.Message?.From;
            _ = result.Message?.Contact;
        }
    }
}
