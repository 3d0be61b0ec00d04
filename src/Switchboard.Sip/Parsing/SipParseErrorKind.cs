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

    /// <summary>The message is larger than <see cref="SipLimits.MaxMessageSize"/>.</summary>
    MessageTooLarge,

    /// <summary>The message has more than <see cref="SipLimits.MaxHeaderLines"/> header lines.</summary>
    TooManyHeaders,

    /// <summary>A stream transport could not find the message boundary (RFC 3261 §18.3).</summary>
    Framing,
}
