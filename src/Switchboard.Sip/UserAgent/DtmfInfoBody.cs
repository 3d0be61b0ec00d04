using System.Buffers.Text;
using System.Text;

namespace Switchboard.Sip.UserAgent;

/// <summary>
/// Reads the key from an INFO body. <c>application/dtmf-relay</c> (the de-facto format; no RFC) carries lines such
/// as <c>Signal=5</c> and <c>Duration=160</c>; <c>application/dtmf</c> carries the key alone. Signal values 10–15
/// are the numeric forms some gateways send for *, #, A–D (the RFC 4733 event codes).
/// </summary>
internal static class DtmfInfoBody
{
    public const string RelayContentType = "application/dtmf-relay";
    public const string PlainContentType = "application/dtmf";

    public static bool IsDtmf(string contentType) =>
        contentType.Equals(RelayContentType, StringComparison.OrdinalIgnoreCase)
        || contentType.Equals(PlainContentType, StringComparison.OrdinalIgnoreCase);

    public static bool TryParse(string contentType, ReadOnlySpan<byte> body, out SipCallDtmf? dtmf)
    {
        dtmf = null;
        if (contentType.Equals(PlainContentType, StringComparison.OrdinalIgnoreCase))
        {
            return TryParseSignal(body.Trim(" \t\r\n"u8), out var key) && Set(key, 0, out dtmf);
        }

        char? digit = null;
        var duration = 0;
        while (!body.IsEmpty)
        {
            var newline = body.IndexOf((byte)'\n');
            var line = (newline < 0 ? body : body[..newline]).Trim(" \t\r"u8);
            body = newline < 0 ? [] : body[(newline + 1)..];
            var equals = line.IndexOf((byte)'=');
            if (equals <= 0)
            {
                continue;
            }

            var name = line[..equals].Trim(" \t"u8);
            var value = line[(equals + 1)..].Trim(" \t"u8);
            if (Ascii.EqualsIgnoreCase(name, "Signal"u8))
            {
                if (!TryParseSignal(value, out var key))
                {
                    return false;
                }

                digit = key;
            }
            else if (Ascii.EqualsIgnoreCase(name, "Duration"u8)
                && (!Utf8Parser.TryParse(value, out duration, out var consumed) || consumed != value.Length || duration < 0))
            {
                return false;
            }
        }

        return digit is { } found && Set(found, duration, out dtmf);
    }

    private static bool TryParseSignal(ReadOnlySpan<byte> value, out char key)
    {
        key = default;
        if (value.Length == 1 && value[0] is (>= (byte)'0' and <= (byte)'9') or (byte)'*' or (byte)'#'
            or (>= (byte)'A' and <= (byte)'D') or (>= (byte)'a' and <= (byte)'d'))
        {
            key = char.ToUpperInvariant((char)value[0]);
            return true;
        }

        if (value.Length == 2 && value[0] == '1' && value[1] is >= (byte)'0' and <= (byte)'5')
        {
            key = "*#ABCD"[value[1] - '0'];
            return true;
        }

        return false;
    }

    private static bool Set(char key, int duration, out SipCallDtmf? dtmf)
    {
        dtmf = new SipCallDtmf(key, duration);
        return true;
    }
}
