using System.Buffers;
using System.Buffers.Text;
using System.Text;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Parsing;

/// <summary>
/// Serializes messages to bytes. Content-Length is always written from the body (RFC 3261 §20.14 makes it
/// mandatory over TCP and we send it over UDP too), so any Content-Length in the header list is ignored.
/// </summary>
public static class SipMessageWriter
{
    private static ReadOnlySpan<byte> Crlf => "\r\n"u8;

    public static byte[] ToArray(SipMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>(512 + message.Body.Length);
        Write(message, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    public static void Write(SipMessage message, IBufferWriter<byte> output)
    {
        switch (message)
        {
            case SipRequest request:
                WriteAscii(output, request.Method.Name);
                output.Write(" "u8);
                WriteUtf8(output, request.RequestUri.ToString());
                output.Write(" SIP/2.0\r\n"u8);
                break;
            case SipResponse response:
                output.Write("SIP/2.0 "u8);
                WriteNumber(output, response.StatusCode);
                output.Write(" "u8);
                WriteUtf8(output, response.ReasonPhrase);
                output.Write(Crlf);
                break;
            default:
                throw new ArgumentException("Unknown message type", nameof(message));
        }

        foreach (var header in message.Headers)
        {
            if (string.Equals(header.Name, SipHeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            WriteAscii(output, header.Name);
            output.Write(": "u8);
            output.Write(header.Value.Span);
            output.Write(Crlf);
        }

        output.Write("Content-Length: "u8);
        WriteNumber(output, message.Body.Length);
        output.Write("\r\n\r\n"u8);
        output.Write(message.Body.Span);
    }

    private static void WriteNumber(IBufferWriter<byte> output, int value)
    {
        var span = output.GetSpan(11);
        Utf8Formatter.TryFormat(value, span, out var written);
        output.Advance(written);
    }

    private static void WriteAscii(IBufferWriter<byte> output, string value)
    {
        var span = output.GetSpan(value.Length);
        var written = Encoding.ASCII.GetBytes(value, span);
        output.Advance(written);
    }

    private static void WriteUtf8(IBufferWriter<byte> output, string value)
    {
        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(value.Length));
        var written = Encoding.UTF8.GetBytes(value, span);
        output.Advance(written);
    }
}
