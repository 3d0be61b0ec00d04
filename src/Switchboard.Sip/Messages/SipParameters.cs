using System.Text;

namespace Switchboard.Sip.Messages;

/// <summary>Parses and formats <c>;name=value</c> parameter lists (RFC 3261 §19.1.1 uri-parameters, §20 generic-param).</summary>
public static class SipParameters
{
    /// <summary>
    /// Parses <paramref name="value"/>, which starts at the first ';' (or is empty). False when a parameter has no
    /// name, as in <c>;;</c> or a trailing <c>;</c>: every <c>SEMI</c> in the grammar introduces a parameter, so
    /// RFC 4475 §3.1.2.1 counts those as malformed rather than empty.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> value, out List<KeyValuePair<string, string?>> parameters)
    {
        parameters = [];
        while (!value.IsEmpty)
        {
            if (value[0] != ';')
            {
                return false;
            }

            value = value[1..];
            var end = SipSyntax.IndexOfUnquoted(value, (byte)';');
            var item = SipSyntax.Trim(end < 0 ? value : value[..end]);
            value = end < 0 ? [] : value[end..];
            var eq = item.IndexOf((byte)'=');
            var name = SipSyntax.Trim(eq < 0 ? item : item[..eq]);
            if (name.IsEmpty)
            {
                return false;
            }

            parameters.Add(eq < 0
                ? new(Encoding.UTF8.GetString(name), null)
                : new(Encoding.UTF8.GetString(name), Encoding.UTF8.GetString(SipSyntax.Trim(item[(eq + 1)..]))));
        }

        return true;
    }

    /// <summary>Returns the value of the named parameter (case-insensitive name), or null when absent or valueless.</summary>
    public static string? Get(IReadOnlyList<KeyValuePair<string, string?>> parameters, string name)
    {
        foreach (var p in parameters)
        {
            if (string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return p.Value;
            }
        }

        return null;
    }

    public static bool Contains(IReadOnlyList<KeyValuePair<string, string?>> parameters, string name)
    {
        foreach (var p in parameters)
        {
            if (string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public static void Append(StringBuilder builder, IReadOnlyList<KeyValuePair<string, string?>> parameters)
    {
        foreach (var p in parameters)
        {
            builder.Append(';').Append(p.Key);
            if (p.Value is not null)
            {
                builder.Append('=').Append(p.Value);
            }
        }
    }
}
