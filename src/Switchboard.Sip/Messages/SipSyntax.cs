namespace Switchboard.Sip.Messages;

/// <summary>Small span helpers for the RFC 3261 §25 grammar shared by the parsers.</summary>
internal static class SipSyntax
{
    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> value) => value.Trim(" \t"u8);

    public static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t';

    /// <summary>RFC 3261 §25.1 token characters.</summary>
    public static bool IsTokenChar(byte b) =>
        b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9'
            or (byte)'-' or (byte)'.' or (byte)'!' or (byte)'%' or (byte)'*' or (byte)'_' or (byte)'+'
            or (byte)'`' or (byte)'\'' or (byte)'~';

    public static bool IsToken(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return false;
        }

        foreach (var b in value)
        {
            if (!IsTokenChar(b))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Index of the first <paramref name="separator"/> outside quoted strings and angle brackets, or -1.
    /// Comma-separated header lists (RFC 3261 §7.3.1) must not split inside <c>"a, b" &lt;sip:x;p=1,2&gt;</c>.
    /// </summary>
    public static int IndexOfUnquoted(ReadOnlySpan<byte> value, byte separator)
    {
        var inQuotes = false;
        var inAngle = false;
        for (var i = 0; i < value.Length; i++)
        {
            var b = value[i];
            if (inQuotes)
            {
                if (b == '\\')
                {
                    i++;
                }
                else if (b == '"')
                {
                    inQuotes = false;
                }
            }
            else if (b == '"')
            {
                inQuotes = true;
            }
            else if (b == '<')
            {
                inAngle = true;
            }
            else if (b == '>')
            {
                inAngle = false;
            }
            else if (b == separator && !inAngle)
            {
                return i;
            }
        }

        return -1;
    }
}
