using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;

namespace Switchboard.Benchmarks.Sip;

/// <summary>Parsing a typical INVITE with SDP, and writing the 200 OK a UAS would answer it with.</summary>
[MemoryDiagnoser]
public class SipMessageBenchmarks
{
    private const string Sdp =
        "v=0\r\no=- 20518 0 IN IP4 203.0.113.1\r\ns=-\r\nc=IN IP4 203.0.113.1\r\nt=0 0\r\n" +
        "m=audio 54400 RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=ptime:20\r\na=sendrecv\r\n";

    private static readonly string Invite =
        "INVITE sip:+306971234567@198.51.100.7:5060 SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 203.0.113.1:5060;branch=z9hG4bK74bf9;rport\r\n" +
        "Via: SIP/2.0/UDP 192.0.2.4:5060;branch=z9hG4bK77ef4c2312983.1;received=192.0.2.4\r\n" +
        "Max-Forwards: 69\r\n" +
        "From: \"Alice\" <sip:+15550100@203.0.113.1>;tag=9fxced76sl\r\n" +
        "To: <sip:+306971234567@198.51.100.7>\r\n" +
        "Call-ID: 3848276298220188511@203.0.113.1\r\n" +
        "CSeq: 1 INVITE\r\n" +
        "Contact: <sip:+15550100@203.0.113.1:5060>\r\n" +
        "Record-Route: <sip:203.0.113.1;lr>\r\n" +
        "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS\r\n" +
        "User-Agent: Bench\r\n" +
        "Content-Type: application/sdp\r\n" +
        $"Content-Length: {Sdp.Length}\r\n\r\n{Sdp}";

    private readonly byte[] _invite = Encoding.ASCII.GetBytes(Invite);
    private readonly ArrayBufferWriter<byte> _output = new(2048);
    private SipResponse _ok = null!;

    [GlobalSetup]
    public void Setup()
    {
        var request = (SipRequest)SipParser.Parse(_invite).Message!;
        var headers = new List<SipHeader>();
        foreach (var header in request.Headers)
        {
            if (header.Name is SipHeaderNames.Via or SipHeaderNames.From or SipHeaderNames.CallId or SipHeaderNames.CSeq
                or SipHeaderNames.RecordRoute)
            {
                headers.Add(header);
            }
            else if (header.Name == SipHeaderNames.To)
            {
                headers.Add(SipHeader.Create(SipHeaderNames.To, header.ValueAsString() + ";tag=as58f4201b"));
            }
        }

        headers.Add(SipHeader.Create(SipHeaderNames.Contact, "<sip:198.51.100.7:5060>"));
        headers.Add(SipHeader.Create(SipHeaderNames.ContentType, "application/sdp"));
        _ok = new SipResponse(200, "OK", headers, Encoding.ASCII.GetBytes(Sdp));
    }

    [Benchmark]
    public SipMessage? ParseInvite() => SipParser.Parse(_invite).Message;

    /// <summary>Parse plus the typed reads a transaction layer and dialog need.</summary>
    [Benchmark]
    public string? ParseInviteAndReadRoutingHeaders()
    {
        var message = SipParser.Parse(_invite).Message!;
        return message.TopVia?.Branch ?? message.CallId;
    }

    [Benchmark]
    public int WriteOk()
    {
        _output.ResetWrittenCount();
        SipMessageWriter.Write(_ok, _output);
        return _output.WrittenCount;
    }
}
