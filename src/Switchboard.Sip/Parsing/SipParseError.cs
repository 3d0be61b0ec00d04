namespace Switchboard.Sip.Parsing;

/// <summary>Why a datagram is not a valid SIP message; <see cref="Reason"/> is fit for a 400 reason phrase.</summary>
public sealed record SipParseError(SipParseErrorKind Kind, string Reason);
