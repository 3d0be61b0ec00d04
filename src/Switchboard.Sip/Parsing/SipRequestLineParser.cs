using System.Text;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Parsing;

/// <summary>
/// Reads a request line (RFC 3261 §7.1: Method SP Request-URI SP SIP-Version CRLF) and says what is wrong with one
/// it cannot take, so that the request can still be refused with the right status (RFC 4475 §3.1.2, §3.3.2).
/// </summary>
internal static class SipRequestLineParser
{
    private static ReadOnlySpan<byte> Version => "SIP/2.0"u8;

    public static SipParseError? TryParse(ReadOnlySpan<byte> line, List<SipHeader> headers, ReadOnlyMemory<byte> body, out SipRequest? request)
    {
        request = null;

        // RFC 3261 §7.1: Method SP Request-URI SP SIP-Version, single spaces.
        var firstSpace = line.IndexOf((byte)' ');
        var lastSpace = line.LastIndexOf((byte)' ');
        if (firstSpace <= 0 || lastSpace <= firstSpace + 1)
        {
            return new SipParseError(SipParseErrorKind.MalformedStartLine, "Malformed request line");
        }

        // RFC 4475 §3.1.2.8–§3.1.2.10: whitespace inside the Request-URI, doubled separators and trailing SP are
        // malformed; refusing them beats guessing which element a stray space belongs to.
        if (SipSyntax.IsWhitespace(line[^1]))
        {
            return new SipParseError(SipParseErrorKind.MalformedStartLine, "Request line has trailing whitespace");
        }

        var uriBytes = line[(firstSpace + 1)..lastSpace];
        if (uriBytes.IndexOfAny((byte)' ', (byte)'\t') >= 0)
        {
            return new SipParseError(SipParseErrorKind.MalformedStartLine, "Request-URI contains whitespace");
        }

        var method = line[..firstSpace];
        if (!SipSyntax.IsToken(method))
        {
            return new SipParseError(SipParseErrorKind.MalformedStartLine, "Malformed method");
        }

        var version = line[(lastSpace + 1)..];
        if (!version.SequenceEqual(Version))
        {
            // RFC 3261 §8.2.2 via §21.5.6: another SIP version is a 505; something that is no SIP version at all a 400.
            return version.StartsWith("SIP/"u8)
                ? new SipParseError(SipParseErrorKind.UnsupportedVersion, "Unsupported SIP version")
                : new SipParseError(SipParseErrorKind.MalformedStartLine, "Malformed SIP version");
        }

        if (UnsupportedScheme(uriBytes) is { } schemeError)
        {
            return schemeError;
        }

        if (!SipUri.TryParse(uriBytes, out var uri, out var uriError))
        {
            return new SipParseError(SipParseErrorKind.MalformedStartLine, "Bad Request-URI: " + uriError);
        }

        // RFC 3261 §19.1.1 (table): headers are not allowed in a Request-URI (RFC 4475 §3.1.2.11).
        if (uri.Headers is not null)
        {
            return new SipParseError(SipParseErrorKind.MalformedStartLine, "Request-URI must not contain headers");
        }

        request = new SipRequest(SipMethod.FromToken(method), uri, headers, body);
        return null;
    }

    /// <summary>The start line up to its first space when that is a token, else empty.</summary>
    public static string MethodToken(ReadOnlySpan<byte> line)
    {
        var space = line.IndexOfAny((byte)' ', (byte)'\t');
        var method = space < 0 ? line : line[..space];
        return SipSyntax.IsToken(method) ? Encoding.ASCII.GetString(method) : string.Empty;
    }

    /// <summary>
    /// RFC 3261 §8.2.2.1: a Request-URI that is a well-formed absoluteURI (RFC 3986 §3.1 scheme, then ':') of a scheme
    /// this agent does not serve gets 416 (RFC 4475 §3.3.2, §3.3.3). Anything else that is not a SIP URI is a 400.
    /// </summary>
    private static SipParseError? UnsupportedScheme(ReadOnlySpan<byte> uri)
    {
        var colon = uri.IndexOf((byte)':');
        if (colon <= 0 || !IsScheme(uri[..colon]) || Ascii.EqualsIgnoreCase(uri[..colon], "sip"u8) || Ascii.EqualsIgnoreCase(uri[..colon], "sips"u8))
        {
            return null;
        }

        return new SipParseError(SipParseErrorKind.MalformedStartLine, "Bad Request-URI: URI scheme is not sip or sips") { StatusCode = 416 };
    }

    /// <summary>RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ).</summary>
    private static bool IsScheme(ReadOnlySpan<byte> scheme)
    {
        if (!char.IsAsciiLetter((char)scheme[0]))
        {
            return false;
        }

        foreach (var c in scheme)
        {
            if (!char.IsAsciiLetterOrDigit((char)c) && c is not ((byte)'+' or (byte)'-' or (byte)'.'))
            {
                return false;
            }
        }

        return true;
    }
}
