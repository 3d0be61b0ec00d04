using System.Buffers.Text;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Parsing;

/// <summary>
/// Parses one SIP message from a datagram (RFC 3261 §7, §18.3). Works on the bytes: header values are slices of
/// <paramref name="data"/>, which must therefore outlive the message. Never throws on bad input.
/// </summary>
public static class SipParser
{
    internal const string MessageTooLargeReason = "Message exceeds 65536 bytes";
    internal const string ContentLengthTooLargeReason = "Content-Length exceeds 65536 bytes";

    private static ReadOnlySpan<byte> Version => "SIP/2.0"u8;

    public static SipParseResult Parse(ReadOnlyMemory<byte> data)
    {
        if (data.Length > SipLimits.MaxMessageSize)
        {
            return SipParseResult.Fail(SipParseErrorKind.MessageTooLarge, MessageTooLargeReason);
        }

        // RFC 3261 §7.5: implementations should ignore CRLFs before the start line.
        var offset = 0;
        var span = data.Span;
        while (offset < span.Length && span[offset] is (byte)'\r' or (byte)'\n' or (byte)' ' or (byte)'\t')
        {
            offset++;
        }

        if (offset == span.Length)
        {
            return SipParseResult.Fail(SipParseErrorKind.Empty, "Empty message");
        }

        if (!TryReadLine(span, ref offset, out var startLine))
        {
            return SipParseResult.Fail(SipParseErrorKind.MalformedStartLine, "Start line is not terminated");
        }

        var headers = new List<SipHeader>(16);
        var headerError = ReadHeaders(data, ref offset, headers);
        if (headerError is not null)
        {
            return new SipParseResult(null, headerError);
        }

        var body = data[offset..];
        if (TryFindContentLength(headers, out var length) is { } lengthError)
        {
            return new SipParseResult(null, lengthError);
        }

        if (length >= 0)
        {
            if (length > body.Length)
            {
                return SipParseResult.Fail(SipParseErrorKind.InvalidContentLength, "Content-Length exceeds message size");
            }

            // RFC 3261 §18.3: bytes beyond Content-Length in a datagram are discarded.
            body = body[..length];
        }

        SipMessage message;
        if (startLine.StartsWith(Version) && startLine.Length > Version.Length && startLine[Version.Length] == ' ')
        {
            if (!TryParseStatusLine(startLine, headers, body, out var response))
            {
                return SipParseResult.Fail(SipParseErrorKind.MalformedStartLine, "Malformed status line");
            }

            message = response;
        }
        else
        {
            var requestError = TryParseRequestLine(startLine, headers, body, out var request);
            if (request is null)
            {
                return new SipParseResult(null, requestError);
            }

            message = request;
        }

        return new SipParseResult(message, SipMessageValidator.Validate(message));
    }

    private static SipParseError? ReadHeaders(ReadOnlyMemory<byte> data, ref int offset, List<SipHeader> headers)
    {
        var span = data.Span;
        var lines = 0;
        while (true)
        {
            var lineStart = offset;
            if (!TryReadLine(span, ref offset, out var line))
            {
                return new SipParseError(SipParseErrorKind.MalformedHeader, "Headers are not terminated by an empty line");
            }

            if (line.IsEmpty)
            {
                return null;
            }

            // Counting continuation lines too bounds the copying that unfolding does below.
            if (++lines > SipLimits.MaxHeaderLines)
            {
                return new SipParseError(SipParseErrorKind.TooManyHeaders, "More than 256 header lines");
            }

            if (SipSyntax.IsWhitespace(line[0]))
            {
                // RFC 3261 §7.3.1: a line starting with whitespace continues the previous header (folding);
                // the fold is equivalent to a single space, so the value is copied once, unfolded.
                if (headers.Count == 0)
                {
                    return new SipParseError(SipParseErrorKind.MalformedHeader, "Continuation line before any header");
                }

                var previous = headers[^1];
                var continuation = SipSyntax.Trim(line);
                if (previous.Value.IsEmpty)
                {
                    // The value starts on the continuation line (RFC 4475 §3.1.1.1 "TO :" / "Contact:"): the fold is
                    // whitespace before the value, not part of it.
                    headers[^1] = previous with { Value = continuation.ToArray() };
                    continue;
                }

                var unfolded = new byte[previous.Value.Length + 1 + continuation.Length];
                previous.Value.Span.CopyTo(unfolded);
                unfolded[previous.Value.Length] = (byte)' ';
                continuation.CopyTo(unfolded.AsSpan(previous.Value.Length + 1));
                headers[^1] = previous with { Value = unfolded };
                continue;
            }

            var colon = line.IndexOf((byte)':');
            var name = colon < 0 ? [] : SipSyntax.Trim(line[..colon]);
            if (!SipSyntax.IsToken(name))
            {
                return new SipParseError(SipParseErrorKind.MalformedHeader, "Malformed header line");
            }

            // Slice the value out of the original memory so no header bytes are copied.
            var valueStart = lineStart + colon + 1;
            var valueEnd = lineStart + line.Length;
            while (valueStart < valueEnd && SipSyntax.IsWhitespace(span[valueStart]))
            {
                valueStart++;
            }

            while (valueEnd > valueStart && SipSyntax.IsWhitespace(span[valueEnd - 1]))
            {
                valueEnd--;
            }

            headers.Add(new SipHeader(SipHeaderNames.Canonicalize(name), data[valueStart..valueEnd]));
        }
    }

    private static bool TryParseStatusLine(ReadOnlySpan<byte> line, List<SipHeader> headers, ReadOnlyMemory<byte> body, out SipResponse response)
    {
        response = null!;
        var rest = line[(Version.Length + 1)..];
        if (rest.Length < 3 || !Utf8Parser.TryParse(rest[..3], out int status, out var consumed) || consumed != 3
            || status is < 100 or > 699 || (rest.Length > 3 && rest[3] != ' '))
        {
            return false;
        }

        var reason = rest.Length > 4 ? System.Text.Encoding.UTF8.GetString(rest[4..]) : string.Empty;
        response = new SipResponse(status, reason, headers, body);
        return true;
    }

    private static SipParseError? TryParseRequestLine(ReadOnlySpan<byte> line, List<SipHeader> headers, ReadOnlyMemory<byte> body, out SipRequest? request)
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

        if (!line[(lastSpace + 1)..].SequenceEqual(Version))
        {
            return new SipParseError(SipParseErrorKind.UnsupportedVersion, "Unsupported SIP version");
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

    /// <summary>
    /// RFC 3261 §20.14: Content-Length is 1*DIGIT. A value past <see cref="SipLimits.MaxMessageSize"/> can never be
    /// honoured, so it is refused as too large rather than overflowing an int.
    /// </summary>
    internal static SipParseError? TryParseContentLength(ReadOnlySpan<byte> value, out int length)
    {
        length = 0;
        var digits = SipSyntax.Trim(value);
        if (digits.IsEmpty)
        {
            return new SipParseError(SipParseErrorKind.InvalidContentLength, "Invalid Content-Length");
        }

        foreach (var digit in digits)
        {
            if (digit is < (byte)'0' or > (byte)'9')
            {
                length = 0;
                return new SipParseError(SipParseErrorKind.InvalidContentLength, "Invalid Content-Length");
            }

            if (length <= SipLimits.MaxMessageSize)
            {
                length = (length * 10) + (digit - '0');
            }
        }

        if (length > SipLimits.MaxMessageSize)
        {
            length = 0;
            return new SipParseError(SipParseErrorKind.InvalidContentLength, ContentLengthTooLargeReason);
        }

        return null;
    }

    /// <summary>Reads up to LF; the line excludes CR LF. Bare LF is tolerated (RFC 3261 §7 asks for CRLF).</summary>
    private static bool TryReadLine(ReadOnlySpan<byte> span, ref int offset, out ReadOnlySpan<byte> line)
    {
        var newline = span[offset..].IndexOf((byte)'\n');
        if (newline < 0)
        {
            line = default;
            return false;
        }

        line = span.Slice(offset, newline);
        if (!line.IsEmpty && line[^1] == '\r')
        {
            line = line[..^1];
        }

        offset += newline + 1;
        return true;
    }

    /// <summary>
    /// The message's Content-Length, or -1 when absent. Repeated headers must agree: a proxy and a UA that picked
    /// different ones would disagree on the body (RFC 4475 §3.3.9), as <see cref="Transport.SipStreamFramer"/> also refuses.
    /// </summary>
    private static SipParseError? TryFindContentLength(List<SipHeader> headers, out int length)
    {
        length = -1;
        foreach (var header in headers)
        {
            if (!ReferenceEquals(header.Name, SipHeaderNames.ContentLength))
            {
                continue;
            }

            if (TryParseContentLength(header.Value.Span, out var value) is { } error)
            {
                return error;
            }

            if (length >= 0 && length != value)
            {
                return new SipParseError(SipParseErrorKind.InvalidContentLength, "Conflicting Content-Length headers");
            }

            length = value;
        }

        return null;
    }
}
