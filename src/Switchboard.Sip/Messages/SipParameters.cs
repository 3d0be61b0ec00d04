using System.Text;

namespace Switchboard.Sip.Messages;

/// <summary>Parses and formats <c>;name=value</c> parameter lists (RFC 3261 §19.1.1 uri-parameters, §20 generic-param).</summary>
public static class SipParameters
{
    /// <summary>Parses <paramref name="value"/>, which starts at the first ';' (or is empty).</summary>
    public static List<KeyValuePair<string, string?>> Parse(ReadOnlySpan<byte> value)
    {
        var result = new List<KeyValuePair<string, string?>>();
        while (!value.IsEmpty)
        {
            if (value[0] == ';')
            {
                value = value[1..];
            }

            var end = SipSyntax.IndexOfUnquoted(value, (byte)';');
            var item = SipSyntax.Trim(end < 0 ? value : value[..end]);
            value = end < 0 ? [] : value[end..];
            if (item.IsEmpty)
            {
                continue;
            }

            var eq = item.IndexOf((byte)'=');
            if (eq < 0)
            {
                result.Add(new(Encoding.UTF8.GetString(item), null));
            }
            else
            {
                var name = SipSyntax.Trim(item[..eq]);
                var paramValue = SipSyntax.Trim(item[(eq + 1)..]);
                result.Add(new(Encoding.UTF8.GetString(name), Encoding.UTF8.GetString(paramValue)));
            }
        }

        return result;
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
