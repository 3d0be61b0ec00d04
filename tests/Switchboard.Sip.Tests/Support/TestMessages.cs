using System.Text;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Tests.Support;

static class TestMessages
{
    public static SipRequest Request(string method, string branch = "z9hG4bKtest1", uint cseq = 1) => (SipRequest)Parse(
        $"{method} sip:bob@127.0.0.1:5070 SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP 127.0.0.1:5060;branch={branch};rport\r\n" +
        "Max-Forwards: 70\r\nFrom: <sip:alice@127.0.0.1>;tag=ft\r\nTo: <sip:bob@127.0.0.1:5070>\r\n" +
        $"Call-ID: call-1\r\nCSeq: {cseq} {method}\r\n\r\n");

    public static SipResponse Response(SipRequest request, int status, string reason = "Reason", string? toTag = "tt")
    {
        var headers = new List<SipHeader>();
        foreach (var header in request.Headers)
        {
            if (header.Name is SipHeaderNames.Via or SipHeaderNames.From or SipHeaderNames.CallId or SipHeaderNames.CSeq)
            {
                headers.Add(header);
            }
            else if (header.Name == SipHeaderNames.To)
            {
                headers.Add(toTag is null ? header : SipHeader.Create("To", header.ValueAsString() + ";tag=" + toTag));
            }
        }

        return new SipResponse(status, reason, headers, default);
    }

    public static SipMessage Parse(string text)
    {
        var result = SipParser.Parse(Encoding.UTF8.GetBytes(text));
        Assert.True(result.IsSuccess, result.Error?.Reason);
        return result.Message;
    }
}
