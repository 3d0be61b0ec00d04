using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Parsing;

/// <summary>Why a datagram is not a valid SIP message; <see cref="Reason"/> is fit for a reason phrase.</summary>
public sealed record SipParseError(SipParseErrorKind Kind, string Reason)
{
    /// <summary>
    /// The status a UAS answers a request with this fault: 505 for another SIP version (RFC 3261 §8.2.2 via §21.5.6),
    /// 416 for a Request-URI scheme it does not serve (§8.2.2.1), else 400 (§8.2, §21.4.1).
    /// </summary>
    public int StatusCode { get; init; } = Kind == SipParseErrorKind.UnsupportedVersion ? 505 : 400;

    /// <summary>
    /// What could be read of a request that could not be parsed in full (a bad start line or Content-Length), kept
    /// so that it can be refused with <see cref="StatusCode"/>; null for responses and for requests whose headers
    /// themselves could not be read.
    /// </summary>
    public SipPartialRequest? Request { get; init; }
}
