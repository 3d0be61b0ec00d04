using System.Buffers;
using System.Text;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Transport;

/// <summary>
/// Finds message boundaries in a byte stream (RFC 3261 §18.3): the header section ends at the first CRLFCRLF and
/// the body is exactly Content-Length bytes, a header that stream transports must carry. Like Kestrel's HTTP
/// parser it works on a <see cref="SequenceReader{T}"/> and never consumes part of a message.
/// </summary>
public static class SipStreamFramer
{
    private static ReadOnlySpan<byte> HeaderTerminator => "\r\n\r\n"u8;

    /// <summary>
    /// Reads the next whole message. Returns <see langword="true"/> with <paramref name="message"/> and the reader
    /// advanced past it; <see langword="false"/> with <paramref name="error"/> null when more bytes are needed (only
    /// keep-alive CRLFs are consumed then); <see langword="false"/> with an error when the stream cannot be framed,
    /// after which the connection must be closed because the next message boundary is unknown.
    /// </summary>
    public static bool TryReadMessage(ref SequenceReader<byte> reader, out ReadOnlySequence<byte> message, out SipParseError? error)
    {
        message = default;
        error = null;

        // RFC 5626 §3.5.1: CRLF keep-alives may arrive between messages; RFC 3261 §7.5 says to ignore them.
        while (reader.TryPeek(out var next) && next is (byte)'\r' or (byte)'\n')
        {
            reader.Advance(1);
        }

        if (reader.End)
        {
            return false;
        }

        var scan = reader;
        if (!scan.TryReadTo(out ReadOnlySequence<byte> headers, HeaderTerminator, advancePastDelimiter: true))
        {
            if (reader.Remaining > SipLimits.MaxMessageSize)
            {
                error = new SipParseError(SipParseErrorKind.MessageTooLarge, SipParser.MessageTooLargeReason);
            }

            return false;
        }

        error = FindContentLength(headers, out var contentLength);
        if (error is not null)
        {
            return false;
        }

        var total = headers.Length + HeaderTerminator.Length + contentLength;
        if (total > SipLimits.MaxMessageSize)
        {
            error = new SipParseError(SipParseErrorKind.MessageTooLarge, SipParser.MessageTooLargeReason);
            return false;
        }

        if (scan.Remaining < contentLength)
        {
            return false;
        }

        message = reader.Sequence.Slice(reader.Position, total);
        reader.Advance(total);
        return true;
    }

    /// <summary>
    /// The header section of the message at <paramref name="reader"/>, up to and with its empty line, when it has all
    /// arrived: after <see cref="TryReadMessage"/> fails on a Content-Length, it is what can still be answered.
    /// </summary>
    public static bool TryReadHeaderSection(SequenceReader<byte> reader, out ReadOnlySequence<byte> headerSection)
    {
        var start = reader.Position;
        if (!reader.TryReadTo(out ReadOnlySequence<byte> _, HeaderTerminator, advancePastDelimiter: true))
        {
            headerSection = default;
            return false;
        }

        headerSection = reader.Sequence.Slice(start, reader.Position);
        return true;
    }

    /// <summary>
    /// The one Content-Length of the header section (RFC 3261 §20.14, compact form <c>l</c>). Differing repeated
    /// values are refused: a peer and a proxy that picked different ones would disagree on the message boundary.
    /// </summary>
    private static SipParseError? FindContentLength(ReadOnlySequence<byte> headers, out int contentLength)
    {
        contentLength = -1;
        var lines = new SequenceReader<byte>(headers);

        // The start line is skipped; a request line can contain a colon.
        if (!lines.TryAdvanceTo((byte)'\n'))
        {
            return MissingContentLength();
        }

        while (!lines.End)
        {
            // Lines end at LF with an optional CR, exactly as SipParser splits them, so both agree on the headers.
            if (!lines.TryReadTo(out ReadOnlySpan<byte> line, (byte)'\n'))
            {
                line = lines.UnreadSpan.Length == lines.Remaining ? lines.UnreadSpan : lines.UnreadSequence.ToArray();
                lines.AdvanceToEnd();
            }

            if (!line.IsEmpty && line[^1] == '\r')
            {
                line = line[..^1];
            }

            if (!IsContentLength(line, out var value))
            {
                continue;
            }

            if (SipParser.TryParseContentLength(value, out var length) is { } invalid)
            {
                return invalid;
            }

            if (contentLength >= 0 && contentLength != length)
            {
                return new SipParseError(SipParseErrorKind.Framing, "Conflicting Content-Length headers");
            }

            contentLength = length;
        }

        return contentLength < 0 ? MissingContentLength() : null;
    }

    private static bool IsContentLength(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> value)
    {
        var colon = line.IndexOf((byte)':');
        value = colon < 0 ? default : line[(colon + 1)..];
        if (colon < 0)
        {
            return false;
        }

        var name = line[..colon].Trim(" \t"u8);
        return Ascii.EqualsIgnoreCase(name, "Content-Length"u8) || Ascii.EqualsIgnoreCase(name, "l"u8);
    }

    private static SipParseError MissingContentLength() =>
        new(SipParseErrorKind.Framing, "Missing Content-Length, required on stream transports");
}
