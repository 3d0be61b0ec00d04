using System.Text;

namespace Switchboard.Sip.Auth;

/// <summary>
/// Reads and writes the <c>Digest</c> credentials and challenge syntax (RFC 3261 §25.1, RFC 7616 §3.3–§3.4):
/// the scheme, then comma-separated <c>name=token</c> or <c>name="quoted string"</c> pairs with optional whitespace.
/// </summary>
internal static class DigestParameters
{
    /// <summary>Parses a header value; false unless the scheme is Digest and every pair is well formed and unique.</summary>
    public static bool TryParse(ReadOnlySpan<char> value, out Dictionary<string, string> parameters)
    {
        parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        value = value.Trim();
        const string Scheme = "Digest";
        if (value.Length <= Scheme.Length || !value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) || !char.IsWhiteSpace(value[Scheme.Length]))
        {
            return false;
        }

        value = value[Scheme.Length..];
        while (true)
        {
            value = value.TrimStart();
            var equals = value.IndexOf('=');
            if (equals <= 0)
            {
                return false;
            }

            var name = value[..equals].Trim();
            if (!IsToken(name))
            {
                return false;
            }

            value = value[(equals + 1)..].TrimStart();
            if (!TryReadValue(ref value, out var parameterValue) || !parameters.TryAdd(name.ToString(), parameterValue))
            {
                return false;
            }

            value = value.TrimStart();
            if (value.IsEmpty)
            {
                return parameters.Count > 0;
            }

            if (value[0] != ',')
            {
                return false;
            }

            value = value[1..];
        }
    }

    /// <summary>Appends <c>name="value"</c>, escaping quotes and backslashes (RFC 3261 §25.1 quoted-pair).</summary>
    public static void AppendQuoted(StringBuilder builder, string name, string value)
    {
        Separate(builder).Append(name).Append("=\"");
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        builder.Append('"');
    }

    /// <summary>Appends <c>name=token</c>; for values RFC 7616 defines as unquoted (algorithm, qop in credentials, nc, stale).</summary>
    public static void AppendToken(StringBuilder builder, string name, string value) => Separate(builder).Append(name).Append('=').Append(value);

    private static StringBuilder Separate(StringBuilder builder) => builder.Append(builder.Length == "Digest".Length ? " " : ", ");

    private static bool TryReadValue(ref ReadOnlySpan<char> value, out string result)
    {
        result = string.Empty;
        if (value.IsEmpty)
        {
            return false;
        }

        if (value[0] != '"')
        {
            var end = value.IndexOfAny(',', ' ', '\t');
            var token = end < 0 ? value : value[..end];
            if (!IsToken(token))
            {
                return false;
            }

            result = token.ToString();
            value = end < 0 ? [] : value[end..];
            return true;
        }

        var builder = new StringBuilder();
        for (var i = 1; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\\' && i + 1 < value.Length)
            {
                builder.Append(value[++i]);
            }
            else if (c == '"')
            {
                result = builder.ToString();
                value = value[(i + 1)..];
                return true;
            }
            else
            {
                builder.Append(c);
            }
        }

        return false;
    }

    private static bool IsToken(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c > 127 || !Messages.SipSyntax.IsTokenChar((byte)c))
            {
                return false;
            }
        }

        return true;
    }
}
