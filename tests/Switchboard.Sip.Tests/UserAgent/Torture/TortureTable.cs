using static Switchboard.Sip.Tests.UserAgent.Torture.TortureAnswer;

namespace Switchboard.Sip.Tests.UserAgent.Torture;

/// <summary>
/// Every message of RFC 4475 §3 and the answer a user agent with a registrar owes it. Where the RFC allows more than
/// one answer the row says which one Switchboard gives; where the RFC's expectation is a proxy's, the row says what
/// a UA does instead.
/// </summary>
static class TortureTable
{
    const string SipOnly = "Bad Request-URI: URI scheme is not sip or sips";

    public static IReadOnlyDictionary<string, TortureRow> Rows { get; } = new TortureRow[]
    {
        // §3.1.1: valid messages, accepted.
        new("wsinv", "3.1.1.1", "192.0.2.2", Status(481),
            "Parsed whole; its To tag names a dialog this UA does not have, so 481 (RFC 3261 §12.2.2)"),
        new("intmeth", "3.1.1.2", "host1.example.com", Status(501), "An unknown method: 501 (RFC 3261 §8.2.1)"),
        new("esc01", "3.1.1.3", "host5.example.net", Routed100, "A new INVITE: taken and handed to the call handler"),
        new("escnull", "3.1.1.4", "host5.example.com", Status(401), "A REGISTER: challenged (RFC 3261 §10.3 step 3)"),
        new("esc02", "3.1.1.5", "host.example.com", Status(501), "RE%47IST%45R is an unknown method, not REGISTER: 501"),
        new("lwsdisp", "3.1.1.6", "funky.example.com", Status(200), "OPTIONS: 200"),
        new("longreq", "3.1.1.7", "sip33.example.com", Routed100, "A new INVITE with long values: taken"),
        new("dblreq", "3.1.1.8", "192.0.2.125", Status(401), new TortureAnswer([401, 100], Routed: true, Closes: true),
            "UDP: the INVITE after the REGISTER's Content-Length is discarded (RFC 3261 §18.3). TCP: it is the next message, and taken; " +
            "the 5 octets its body has past Content-Length then start a message that cannot be framed, so the connection closes, " +
            "after the REGISTER's 401 made off the receive thread"),
        new("semiuri", "3.1.1.9", "192.0.2.1", Status(200), "OPTIONS: 200"),
        new("transports", "3.1.1.10", "t1.example.com", Status(200), "OPTIONS: 200; the other Vias' transports do not matter to a UA"),
        new("mpart01", "3.1.1.11", "127.0.0.1:5070", Status(501), "MESSAGE with a binary multipart body: parsed, and 501 since MESSAGE is not implemented"),
        new("unreason", "3.1.1.12", null, None, "A response matching no transaction: dropped (RFC 3261 §17.1.3, §18.1.2)"),
        new("noreason", "3.1.1.13", null, None, "A response matching no transaction: dropped"),

        // §3.1.2: invalid messages, refused with 400 naming the fault, except where noted.
        new("badinv01", "3.1.2.1", "192.0.2.15", Status(400, "Malformed Via header"), "Empty Via and Contact parameters"),
        new("clerr", "3.1.2.2", "host5.example.com", Status(400, "Content-Length exceeds message size"), WaitsForBody,
            "UDP: the datagram is shorter than Content-Length; TCP: the rest may still come, so the server waits (and closes after the message timeout)"),
        new("ncl", "3.1.2.3", "192.0.2.53", Status(400, "Invalid Content-Length"), StatusThenClose(400, "Invalid Content-Length"),
            "Negative Content-Length; over TCP the framing is lost, so the connection closes after the answer"),
        new("scalar02", "3.1.2.4", "host129.example.com", Status(400, "Malformed CSeq header"), "CSeq above 2**31"),
        new("scalarlg", "3.1.2.5", null, None, "A response with out-of-range values: never answered"),
        new("quotbal", "3.1.2.6", "192.0.2.59:5050", Status(400, "Malformed To header"), "Unterminated quoted string"),
        new("ltgtruri", "3.1.2.7", "192.0.2.5", Status(400, SipOnly), "<> around the Request-URI: not a URI at all, so 400 (not 416)"),
        new("lwsruri", "3.1.2.8", "192.0.2.1:5060", Status(400, "Request-URI contains whitespace"), "LWS inside the Request-URI"),
        new("lwsstart", "3.1.2.9", "host1.example.com", Status(400, "Request-URI contains whitespace"),
            "Doubled SP in the request line: the RFC allows accepting or 400; refused rather than guessed"),
        new("trws", "3.1.2.10", "host1.examle.com", Status(400, "Request line has trailing whitespace"), "SP after SIP/2.0: 400, as the RFC allows"),
        new("escruri", "3.1.2.11", "host-of-the-hour.example.com", Status(400, "Request-URI must not contain headers"),
            "Escaped headers in the Request-URI: the RFC allows accepting or 400"),
        new("baddate", "3.1.2.12", "host.example.com", Routed100, "A non-GMT Date: accepted, Date is not read (the RFC's liberal choice)"),
        new("regbadct", "3.1.2.13", "135.180.130.133:5060", Status(401),
            "Its Contact is unreadable, but RFC 3261 §10.3 authenticates (step 3) before it reads Contacts (step 6): 401 first"),
        new("badaspec", "3.1.2.14", "host4.example.com:5060", Status(400, "Malformed To header"), "Spaces inside the To's <>"),
        new("baddn", "3.1.2.15", "c.example.com:5060", Status(400, "Malformed From header"), "Unquoted display names with non-token characters"),
        new("badvers", "3.1.2.16", "c.example.com", Status(505, "Unsupported SIP version"), "SIP/7.0: 505, sent to the SIP/7.0 Via's sent-by"),
        new("mismatch01", "3.1.2.17", "host.example.com", Status(400, "CSeq method does not match request method"), "OPTIONS with CSeq INVITE"),
        new("mismatch02", "3.1.2.18", "host.example.net", Status(400, "CSeq method does not match request method"),
            "Unknown method with CSeq INVITE: the RFC allows 501 or 400"),
        new("bigcode", "3.1.2.19", null, None, "A status code of 4294967301: not a response, dropped"),

        // §3.2: transaction layer.
        new("badbranch", "3.2.1", "192.0.2.1", Status(200), "A branch that is only the magic cookie: matched the RFC 2543 way, answered 200"),

        // §3.3: application layer.
        new("insuf", "3.3.1", "192.0.2.95", Status(400, "Missing From header"), "No Call-ID, From or To: 400 naming the first missing"),
        new("unkscm", "3.3.2", "host9.example.com", Status(416, SipOnly), "An unknown Request-URI scheme: 416 (RFC 3261 §8.2.2.1)"),
        new("novelsc", "3.3.3", "host9.example.com", Status(416, SipOnly), "soap.beep is never a URI this UA serves: 416"),
        new("unksm2", "3.3.4", "192.0.2.21:5060", Status(400, "Malformed From header"),
            "From, To and Contact of schemes other than sip: a registrar answers 400, naming the first it reads"),
        new("bext01", "3.3.5", "fold-and-staple.example.com", Status(420) with { Header = ("Unsupported", "nothingSupportsThis, nothingSupportsThisEither") },
            "A UA lists the Require options (Proxy-Require is for proxies): 420 (RFC 3261 §8.2.2.3)"),
        new("invut", "3.3.6", "somehost.example.com", Status(415) with { Header = ("Accept", "application/sdp") },
            "A body of an unknown type: 415 with Accept (RFC 3261 §8.2.3)"),
        new("regaut01", "3.3.7", "192.0.2.253", Status(401), "An Authorization of an unknown scheme is ignored: challenged with digest"),
        new("multi01", "3.3.8", "192.0.2.25", Status(400, "CSeq appears more than once"), "Single-valued headers repeated"),
        new("mcl01", "3.3.9", "host5.example.net", Status(400, "Conflicting Content-Length headers"),
            StatusThenClose(400, "Conflicting Content-Length headers"), "Two Content-Lengths; over TCP the framing is lost, so the connection closes after the answer"),
        new("bcast", "3.3.10", null, None, "A response with a broadcast Via matching no transaction: dropped, never forwarded"),
        new("zeromf", "3.3.11", "host1.example.com", Status(200), "Max-Forwards 0 stops a proxy; a UA answers as usual"),
        new("cparam01", "3.3.12", "saturn.example.com:5060", Status(401), "A REGISTER: challenged"),
        new("cparam02", "3.3.13", "saturn.example.com:5060", Status(401), "A REGISTER: challenged"),
        new("regescrt", "3.3.14", "host5.example.com", Status(401), "A REGISTER: challenged"),
        new("sdp01", "3.3.15", "192.0.2.15", Status(406) with { Header = ("Accept", "application/sdp") },
            "Accept without application/sdp: 406 (RFC 3261 §21.4.7), as the RFC suggests"),

        // §3.4: backward compatibility.
        new("inv2543", "3.4.1", "iftgw.example.com", Routed100, StatusThenClose(400, "Missing Content-Length, required on stream transports"),
            "RFC 2543 syntax over UDP is taken (no branch, no From tag, no Max-Forwards, no Content-Length); over TCP a message without Content-Length cannot be framed (RFC 3261 §18.3)"),
    }.ToDictionary(row => row.Name);
}
