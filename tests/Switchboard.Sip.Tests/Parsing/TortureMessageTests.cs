using System.Buffers;
using System.Text;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Tests.Parsing;

/// <summary>
/// The RFC 4475 torture messages (Torture/*.dat): the valid ones parse and survive a write and re-parse unchanged;
/// the invalid ones are refused with the reason that names their fault, or accepted where the RFC lets a liberal
/// parser accept them.
/// </summary>
public class TortureMessageTests
{
    public static TheoryData<string> Valid =>
    [
        "wsinv", "intmeth", "esc01", "escnull", "esc02", "lwsdisp", "longreq", "dblreq", "semiuri", "transports",
        "unreason", "noreason",

        // §3.2.1 and §3.3: the parser must not break; what to do with them is the transaction layer's or the UA's.
        "badbranch", "bcast", "bext01", "cparam01",

        // §3.1.2.12: "an element shouldn't [reject] unless the contents of the Date header field were actually
        // important to its processing", and nothing here reads Date.
        "baddate",

        // §3.1.2.13: only the Contact is malformed (see ContactWithUnbracketedHeaders_IsRefusedWhereItIsRead).
        "regbadct",
    ];

    public static TheoryData<string, SipParseErrorKind, string> Invalid => new()
    {
        { "badinv01", SipParseErrorKind.InvalidHeaderValue, "Malformed Via header" },
        { "clerr", SipParseErrorKind.InvalidContentLength, "Content-Length exceeds message size" },
        { "ncl", SipParseErrorKind.InvalidContentLength, "Invalid Content-Length" },
        { "scalar02", SipParseErrorKind.InvalidHeaderValue, "Malformed CSeq header" },
        { "scalarlg", SipParseErrorKind.InvalidHeaderValue, "Malformed CSeq header" },
        { "quotbal", SipParseErrorKind.InvalidHeaderValue, "Malformed To header" },
        { "ltgtruri", SipParseErrorKind.MalformedStartLine, "Bad Request-URI: URI scheme is not sip or sips" },
        { "lwsruri", SipParseErrorKind.MalformedStartLine, "Request-URI contains whitespace" },
        { "lwsstart", SipParseErrorKind.MalformedStartLine, "Request-URI contains whitespace" },
        { "trws", SipParseErrorKind.MalformedStartLine, "Request line has trailing whitespace" },
        { "escruri", SipParseErrorKind.MalformedStartLine, "Request-URI must not contain headers" },
        { "badaspec", SipParseErrorKind.InvalidHeaderValue, "Malformed To header" },
        { "baddn", SipParseErrorKind.InvalidHeaderValue, "Malformed From header" },
        { "badvers", SipParseErrorKind.UnsupportedVersion, "Unsupported SIP version" },
        { "mismatch01", SipParseErrorKind.InvalidHeaderValue, "CSeq method does not match request method" },
        { "mismatch02", SipParseErrorKind.InvalidHeaderValue, "CSeq method does not match request method" },
        { "bigcode", SipParseErrorKind.MalformedStartLine, "Malformed status line" },
        { "insuf", SipParseErrorKind.MissingHeader, "Missing From header" },
        { "mcl01", SipParseErrorKind.InvalidContentLength, "Conflicting Content-Length headers" },
    };

    /// <summary>SHA-256 of the 3.1.1 messages as decoded from the RFC's Appendix A archive.</summary>
    public static TheoryData<string, string> ArchiveHashes => new()
    {
        { "wsinv", "d6f6cdee99cd0a1f8e3d9a0fdd67c877700e19ab86d8186dada06f61260e3e61" },
        { "intmeth", "b957a8292c1c0a9851fe94705b90f94320738f43aacde64998e401f742ef688d" },
        { "esc01", "be3a316d4ce5f69cad474646191e390dd4b50fc8371e44b5197fe1237781973e" },
        { "escnull", "263fe2ecd12a5ccbb6c67b3174e9211d11da9b600e7d69666a86d2ee42873e90" },
        { "esc02", "9a9c59449f00327b02071feafc8e5c2a261c98c818044167894cc17809a12199" },
        { "lwsdisp", "d1b36b6316c12824f6f04bf6b1fd1f021cade9b74871693b9c3474cd9fa7f4e6" },
        { "longreq", "185739292bc676760e5b1cca77c87705aa570240171c506ad76f8c35af0ecdaa" },
        { "dblreq", "a6be48426565c2a705389c4ce2ea17e57b891cb13f80490a2cb9392c797b46ef" },
        { "semiuri", "87bbaed6b4b354dbd3c5c7a20e66686303c63e43a0aa19b89de1ac75231611a2" },
        { "transports", "33b4553a3b9418121b099ff07882535151edd6a1e81898c63a916aad2cbf90bc" },
        { "unreason", "4f939d6ebf4817eea70f011d3209e83732872ffc20ffd304b244084dc392f4d7" },
        { "noreason", "07e11e470a69fffa3674de805e5165d1351a9439a91045ee70c9570ea24ab4fe" },
    };

    static byte[] Load(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Torture", name + ".dat"));

    static SipMessage ParseValid(byte[] bytes)
    {
        var result = SipParser.Parse(bytes);
        Assert.True(result.IsSuccess, result.Error?.Reason);
        return result.Message;
    }

    [Theory]
    [MemberData(nameof(Valid))]
    public void ValidMessage_Parses_AndAWriteAndReparseChangesNothing(string name)
    {
        var first = ParseValid(Load(name));
        var written = SipMessageWriter.ToArray(first);
        var second = ParseValid(written);

        Assert.Equal(StartLine(first), StartLine(second));
        Assert.Equal(HeadersWithoutLength(first), HeadersWithoutLength(second));
        Assert.Equal(first.Body.ToArray(), second.Body.ToArray());
        Assert.Equal(written, SipMessageWriter.ToArray(second));
    }

    [Theory]
    [MemberData(nameof(ArchiveHashes))]
    public void ValidMessageData_IsByteIdenticalToTheRfcArchive(string name, string sha256) =>
        Assert.Equal(sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Load(name))));

    [Theory]
    [MemberData(nameof(Invalid))]
    public void InvalidMessage_IsRefusedForItsFault(string name, SipParseErrorKind kind, string reason)
    {
        var result = SipParser.Parse(Load(name));

        Assert.False(result.IsSuccess);
        Assert.Equal((kind, reason), (result.Error!.Kind, result.Error.Reason));
    }

    [Fact]
    public void Wsinv_FoldingCompactFormsAndEscapesAllUnderstood()
    {
        var message = ParseValid(Load("wsinv"));

        Assert.Equal("1918181833n", message.To!.Tag);
        Assert.Equal("J Rosenberg \\\"", message.From!.DisplayName);
        Assert.Equal("98asjd8", message.From.Tag);
        Assert.Equal(68, message.MaxForwards);
        Assert.Equal(new SipCSeq(9, SipMethod.Invite), message.CSeq);
        Assert.Equal(["192.0.2.2", "spindle.example.com", "192.168.255.111"], message.Vias.Select(v => v.Host));
        Assert.Equal(["UDP", "TCP", "UDP"], message.Vias.Select(v => v.Transport));
        Assert.Equal("z9hG4bK30239", message.Vias[2].Branch);
        Assert.Equal("Quoted string \"\"", message.Contact!.DisplayName);
        Assert.Equal("0.33", SipParameters.Get(message.Contact.Parameters, "q"));
        Assert.Equal("newvalue", SipParameters.Get(message.Contact.Parameters, "newparam"));
        Assert.Equal("", message.GetHeader(SipHeaderNames.Subject));
        Assert.Equal("newfangled value continued newfangled value", message.GetHeader("NewFangledHeader"));
        Assert.Equal(";;,,;;,;", message.GetHeader("UnknownHeaderWithUnusualValue"));
        Assert.Equal(150, message.ContentLength);
    }

    [Fact]
    public void Intmeth_TokenCharactersUserinfoAndNonAsciiValues()
    {
        var request = Assert.IsType<SipRequest>(ParseValid(Load("intmeth")));

        Assert.Equal("!interesting-Method0123456789_*+`.%indeed'~", request.Method.Name);
        Assert.Equal("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*:&it+has=1,weird!*pas$wo~d_too.(doesn't-it)", request.RequestUri.User);
        Assert.Equal("example.com", request.RequestUri.Host);
        Assert.Null(request.RequestUri.Headers);
        Assert.Equal("BEL:\a NUL:\0 DEL:\u007f", request.To!.DisplayName);
        Assert.Equal("token1~` token2'+_ token3*%!.-", request.From!.DisplayName);
        Assert.Equal("_token~1'+`*%!-.", request.From.Tag);
        Assert.Equal("\"работающий\"", SipParameters.Get(request.From.Parameters, "fromParam''~+*_!.-%"));
        Assert.Equal("intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{", request.CallId);
        Assert.Equal("\ufeff大停電", request.GetHeader("extensionHeader-!.%*+_`'~"));
    }

    [Fact]
    public void Escapes_AreKeptAsWritten_AndPercentOutsideUrisIsNotAnEscape()
    {
        var esc01 = Assert.IsType<SipRequest>(ParseValid(Load("esc01")));
        var escnull = ParseValid(Load("escnull"));
        var esc02 = Assert.IsType<SipRequest>(ParseValid(Load("esc02")));

        Assert.Equal("sips%3Auser%40example.com", esc01.RequestUri.User);
        Assert.Equal("v%61lue%25%34%31", esc01.Contact!.Uri.GetParameter("n%61me"));
        Assert.Equal("null-%00-null", escnull.To!.Uri.User);
        Assert.Equal(2, escnull.GetHeaderValues(SipHeaderNames.Contact).Count);
        Assert.Equal("RE%47IST%45R", esc02.Method.Name);
        Assert.Equal("%Z%45", esc02.To!.DisplayName);
        Assert.Equal(2, esc02.GetHeaderValues(SipHeaderNames.Contact).Count);
        Assert.Equal("<sip:alias2@host2.example.com>", esc02.GetHeader("C%6Fntact"));
    }

    [Fact]
    public void OtherValidMessages_ReadTheWayTheRfcSays()
    {
        var longreq = ParseValid(Load("longreq"));
        var dblreq = Assert.IsType<SipRequest>(ParseValid(Load("dblreq")));
        var semiuri = Assert.IsType<SipRequest>(ParseValid(Load("semiuri")));
        var transports = ParseValid(Load("transports"));
        var unreason = Assert.IsType<SipResponse>(ParseValid(Load("unreason")));
        var noreason = Assert.IsType<SipResponse>(ParseValid(Load("noreason")));
        var lwsdisp = ParseValid(Load("lwsdisp"));

        Assert.Equal(34, longreq.Vias.Count);
        Assert.Equal(6000, longreq.To!.Uri.Port);
        Assert.Equal(SipMethod.Register, dblreq.Method);
        Assert.True(dblreq.Body.IsEmpty, "the INVITE after Content-Length 0 is noise (RFC 3261 §18.3)");
        Assert.Equal("user;par=u%40example.net", semiuri.RequestUri.User);
        Assert.Equal("example.com", semiuri.RequestUri.Host);
        Assert.Equal(6, semiuri.GetHeaderValues("Accept").Count);
        Assert.Equal(["UDP", "SCTP", "TLS", "UNKNOWN", "TCP"], transports.Vias.Select(v => v.Transport));
        Assert.Equal("= 2**3 * 5**2 но сто девяносто девять - простое", unreason.ReasonPhrase);
        Assert.Equal((100, ""), (noreason.StatusCode, noreason.ReasonPhrase));
        Assert.Equal("caller", lwsdisp.From!.DisplayName);
    }

    [Fact]
    public void ContactWithUnbracketedHeaders_IsRefusedWhereItIsRead()
    {
        var regbadct = ParseValid(Load("regbadct"));
        var cparam01 = ParseValid(Load("cparam01"));

        // RFC 3261 §20.10: a URI with headers must be in <>; the message parses, its Contact does not.
        Assert.True(regbadct.TryGetHeader(SipHeaderNames.Contact, out _));
        Assert.Null(regbadct.Contact);

        // Without <>, a ';' starts header parameters: unknownparam belongs to the Contact, not the URI.
        Assert.True(SipParameters.Contains(cparam01.Contact!.Parameters, "unknownparam"));
        Assert.Empty(cparam01.Contact.Uri.Parameters);
    }

    [Fact]
    public void BadInv01_ContactWithEmptyParameters_IsRefusedToo() =>
        Assert.False(SipNameAddress.TryParse("\"Joe\" <sip:joe@example.org>;;;;"u8, out _));

    [Theory]
    [MemberData(nameof(Valid))]
    public void ValidMessage_OnAStream_IsFramedAtItsContentLength(string name)
    {
        var bytes = Load(name);
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes));
        var frames = new List<byte[]>();
        while (SipStreamFramer.TryReadMessage(ref reader, out var message, out var error))
        {
            Assert.Null(error);
            frames.Add(message.ToArray());
        }

        // dblreq's trailing INVITE is noise in a datagram (§3.1.1.8) but, on a stream, the next message.
        var expected = name == "dblreq" ? 2 : 1;
        Assert.Equal(expected, frames.Count);
        Assert.Equal(SipMessageWriter.ToArray(ParseValid(bytes)), SipMessageWriter.ToArray(ParseValid(frames[0])));
    }

    static string StartLine(SipMessage message) => message switch
    {
        SipRequest request => $"{request.Method.Name} {request.RequestUri}",
        SipResponse response => $"{response.StatusCode} {response.ReasonPhrase}",
        _ => throw new ArgumentException("Unknown message type", nameof(message)),
    };

    static List<(string, string)> HeadersWithoutLength(SipMessage message) =>
        [.. message.Headers
            .Where(h => h.Name != SipHeaderNames.ContentLength)
            .Select(h => (h.Name, Convert.ToHexString(h.Value.Span)))];
}
