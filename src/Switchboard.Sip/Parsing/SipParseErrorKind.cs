namespace Switchboard.Sip.Parsing;

public enum SipParseErrorKind
{
    /// <summary>Only whitespace: a keep-alive (RFC 5626 §3.5.1), not an error worth counting.</summary>
    Empty,
    MalformedStartLine,
    UnsupportedVersion,
    MalformedHeader,
    MissingHeader,
    InvalidHeaderValue,
    InvalidContentLength,
}
