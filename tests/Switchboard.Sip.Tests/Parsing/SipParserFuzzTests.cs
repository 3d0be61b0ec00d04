using System.Text;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Tests.Support;

namespace Switchboard.Sip.Tests.Parsing;

public class SipParserFuzzTests
{
    private const int Iterations = 100_000;

    private static readonly string[] Seeds =
    [
        SipParserTests.Invite,
        "SIP/2.0 200 OK\r\n" +
        "Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKabc;received=192.0.2.1;rport=5099\r\n" +
        "Record-Route: <sip:p2.example.com;lr>, <sip:p1.example.com;lr>\r\n" +
        "From: <sip:a@b>;tag=x\r\nTo: \"Bob\" <sip:c@d>;tag=y\r\nCall-ID: 1\r\nCSeq: 1 INVITE\r\n" +
        "Contact: <sip:c@127.0.0.1:5070>\r\nContent-Type: application/sdp\r\nContent-Length: 13\r\n\r\nv=0\r\ns=-\r\nt=0",
        "BYE sip:bob@127.0.0.1 SIP/2.0\r\nv: SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK1, SIP/2.0/TCP [::1]:5080;branch=z9hG4bK2\r\n" +
        "f: sip:alice@a;tag=1\r\nt: sip:bob@b;tag=2\r\ni: callid-1\r\nCSeq: 2 BYE\r\nRoute: <sip:p1;lr>\r\nl: 0\r\n\r\n",
        "OPTIONS sips:x@[2001:db8::1]:5061;transport=tcp SIP/2.0\r\nVia: SIP/2.0/TLS 127.0.0.1;branch=z9hG4bK1\r\n" +
        "Subject: folded,\r\n   across lines\r\nMax-Forwards: 70\r\n" +
        "From: <sip:a@b>;tag=1\r\nTo: <sip:x@127.0.0.1>\r\nCall-ID: 1\r\nCSeq: 1 OPTIONS\r\n\r\n",
        "\r\n\r\nCANCEL sip:a%20b@h;maddr=1.2.3.4?x=y SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK9;rport\r\n" +
        "From: \"q\\\"uoted\" <sip:a@b>;tag=1\r\nTo: sip:c@d\r\nCall-ID: c\r\nCSeq: 9 CANCEL\r\nContent-Length: 0\r\n\r\n",
    ];

    [Fact]
    public void Parse_HundredThousandMutatedMessages_AlwaysReturnsMessageOrTypedError()
    {
        var random = new Random(12345);
        var mutator = new SipMutator(random);
        var seeds = Array.ConvertAll(Seeds, Encoding.UTF8.GetBytes);
        var outcomes = new Dictionary<string, int>();

        for (var i = 0; i < Iterations; i++)
        {
            var input = i % 50 == 49 ? RandomBytes(random) : mutator.Mutate(seeds[i % seeds.Length]);
            string outcome;
            try
            {
                outcome = Exercise(SipParser.Parse(input));
            }
            catch (Exception ex)
            {
                Assert.Fail($"Iteration {i} threw {ex.GetType().Name}: {ex.Message}\nInput: {Convert.ToBase64String(input)}");
                throw;
            }

            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        // The mutations must reach both sides: parsed messages and every common kind of rejection.
        Assert.True(outcomes.GetValueOrDefault("message") > 1000, string.Join(", ", outcomes));
        Assert.Contains(nameof(SipParseErrorKind.MalformedHeader), outcomes.Keys);
        Assert.Contains(nameof(SipParseErrorKind.InvalidContentLength), outcomes.Keys);
        Assert.Contains(nameof(SipParseErrorKind.MalformedStartLine), outcomes.Keys);
        Assert.Contains(nameof(SipParseErrorKind.TooManyHeaders), outcomes.Keys);
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 512)];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>Checks the result's shape and touches every lazily parsed header, which must not throw either.</summary>
    private static string Exercise(SipParseResult result)
    {
        if (result.Error is { } error)
        {
            Assert.True(Enum.IsDefined(error.Kind));
            Assert.False(string.IsNullOrWhiteSpace(error.Reason));
        }
        else
        {
            Assert.NotNull(result.Message);
        }

        if (result.Message is { } message)
        {
            _ = message.TopVia;
            _ = message.Vias;
            _ = message.From;
            _ = message.To;
            _ = message.Contact;
            _ = message.CallId;
            _ = message.CSeq;
            _ = message.MaxForwards;
            _ = message.RecordRoutes;
            _ = message.Routes;
            _ = message.ToString();
            _ = SipMessageWriter.ToArray(message);
        }

        return result.Error is null ? "message" : result.Error.Kind.ToString();
    }
}
