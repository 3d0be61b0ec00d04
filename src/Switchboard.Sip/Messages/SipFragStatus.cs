using System.Buffers.Text;
using System.Text;

namespace Switchboard.Sip.Messages;

/// <summary>
/// The status line of a <c>message/sipfrag</c> body (RFC 3420), as a REFER's NOTIFY carries it to report how the
/// referred call is going (RFC 3515 §2.4.5: the body begins with the status line of the response the referred
/// INVITE got, e.g. <c>SIP/2.0 180 Ringing</c>).
/// </summary>
public readonly record struct SipFragStatus(int StatusCode, string ReasonPhrase)
{
    /// <summary>The media type of such a body (RFC 3420 §4).</summary>
    public const string MediaType = "message/sipfrag";

    /// <summary>Whether the referred call has its final answer: no further progress will be reported.</summary>
    public bool IsFinal => StatusCode >= 200;

    /// <summary>Whether the referred call was answered (2xx): the transfer succeeded.</summary>
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>
    /// Reads the status line at the start of <paramref name="body"/> (RFC 3261 §7.2:
    /// <c>SIP-Version SP Status-Code SP Reason-Phrase CRLF</c>); the rest of the fragment (headers a notifier may
    /// add) is not needed. A fragment holding a request line, or no complete status line, is false.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> body, out SipFragStatus status)
    {
        status = default;
        var end = body.IndexOf("\r\n"u8);
        var line = end < 0 ? body : body[..end];
        // Some notifiers end a one-line fragment with a bare LF; it is read as the line's end too.
        if (line.IndexOf((byte)'\n') is var lineFeed and >= 0)
        {
            line = line[..lineFeed];
        }

        if (!line.StartsWith("SIP/2.0 "u8))
        {
            return false;
        }

        var rest = line["SIP/2.0 "u8.Length..];
        if (rest.Length < 3 || !Utf8Parser.TryParse(rest[..3], out int code, out var consumed) || consumed != 3 || code is < 100 or > 699)
        {
            return false;
        }

        rest = rest[3..];
        if (!rest.IsEmpty && rest[0] != (byte)' ')
        {
            return false;
        }

        var reason = SipSyntax.Trim(rest);
        if (reason.ContainsAnyInRange((byte)0, (byte)0x08) || reason.IndexOf((byte)'\r') >= 0)
        {
            return false;
        }

        status = new SipFragStatus(code, reason.IsEmpty ? SipReasonPhrases.For(code) : Encoding.UTF8.GetString(reason));
        return true;
    }
}
