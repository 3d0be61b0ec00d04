using System.Buffers.Text;
using System.Text;
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

    private static ReadOnlySpan<byte> StatusLinePrefix => "SIP/"u8;

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
        var lengthError = TryFindContentLength(headers, out var length);
        if (length > body.Length)
        {
            lengthError = new SipParseError(SipParseErrorKind.InvalidContentLength, "Content-Length exceeds message size");
        }
        else if (length >= 0)
        {
            // RFC 3261 §18.3: bytes beyond Content-Length in a datagram are discarded.
            body = body[..length];
        }

        SipMessage message;
        if (startLine.StartsWith(StatusLinePrefix))
        {
            // A response is never answered, so one that is malformed anywhere is only dropped (RFC 3261 §8.1.3.1).
            if (lengthError is not null)
            {
                return new SipParseResult(null, lengthError);
            }

            if (!TryParseStatusLine(startLine, headers, body, out var response))
            {
                return SipParseResult.Fail(SipParseErrorKind.MalformedStartLine, "Malformed status line");
            }

            message = response;
        }
        else
        {
            // A request line or Content-Length that cannot be taken leaves no request to route, but the headers may
            // still say where to answer: what was read goes with the error, to be refused with the status the fault
            // calls for (RFC 3261 §8.2; RFC 4475 §3.1.2.2-§3.1.2.11, §3.1.2.16, §3.3.2, §3.3.9).
            var requestError = SipRequestLineParser.TryParse(startLine, headers, body, out var request) ?? lengthError;
            if (requestError is not null)
            {
                var partial = new SipPartialRequest(SipRequestLineParser.MethodToken(startLine), headers, body);
                return new SipParseResult(null, requestError with { Request = partial });
            }

            message = request!;
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
        if (!line.StartsWith(Version) || line.Length <= Version.Length || line[Version.Length] != ' ')
        {
            return false;
        }

        var rest = line[(Version.Length + 1)..];
        if (rest.Length < 3 || !Utf8Parser.TryParse(rest[..3], out int status, out var consumed) || consumed != 3
            || status is < 100 or > 699 || (rest.Length > 3 && rest[3] != ' '))
        {
            return false;
        }

        var reason = rest.Length > 4 ? Encoding.UTF8.GetString(rest[4..]) : string.Empty;
        response = new SipResponse(status, reason, headers, body);
        return true;
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
