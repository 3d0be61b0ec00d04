using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Switchboard.Sip.Messages;

/// <summary>
/// A name-addr or addr-spec with header parameters, as in From, To, Contact, Route and Record-Route
/// (RFC 3261 §20.10, §20.20, §20.39): <c>"Display" &lt;sip:user@host&gt;;tag=abc</c>.
/// </summary>
public sealed record SipNameAddress(string? DisplayName, SipUri Uri, IReadOnlyList<KeyValuePair<string, string?>> Parameters)
{
    public string? Tag => SipParameters.Get(Parameters, "tag");

    /// <summary>
    /// Who a name-addr or addr-spec names: a <c>sip:</c>/<c>sips:</c> URI's user part, or a <c>tel:</c> URI's number
    /// (RFC 3966); null when it has neither or does not parse.
    /// </summary>
    public static string? UserOf(string value)
    {
        if (TryParse(Encoding.UTF8.GetBytes(value), out var address))
        {
            return address.Uri.User;
        }

        var tel = value.IndexOf("tel:", StringComparison.OrdinalIgnoreCase);
        if (tel < 0)
        {
            return null;
        }

        var number = value.AsSpan(tel + 4);
        var end = number.IndexOfAny(';', '>', '?');
        number = (end < 0 ? number : number[..end]).Trim();
        return number.IsEmpty ? null : number.ToString();
    }

    public static bool TryParse(ReadOnlySpan<byte> value, [NotNullWhen(true)] out SipNameAddress? address)
    {
        address = null;
        value = SipSyntax.Trim(value);
        string? displayName = null;
        ReadOnlySpan<byte> uriPart;
        ReadOnlySpan<byte> paramPart;
        if (!value.IsEmpty && value[0] == '"')
        {
            var end = 1;
            while (end < value.Length && value[end] != '"')
            {
                end += value[end] == '\\' ? 2 : 1;
            }

            if (end >= value.Length)
            {
                return false;
            }

            displayName = Unescape(Encoding.UTF8.GetString(value[1..end]));
            value = SipSyntax.Trim(value[(end + 1)..]);
            if (value.IsEmpty || value[0] != '<')
            {
                return false;
            }
        }

        var open = value.IndexOf((byte)'<');
        if (open >= 0)
        {
            if (displayName is null && open > 0)
            {
                var unquoted = SipSyntax.Trim(value[..open]);
                if (!IsTokenSequence(unquoted))
                {
                    return false;
                }

                displayName = Encoding.UTF8.GetString(unquoted);
            }

            var close = value.IndexOf((byte)'>');
            if (close < open)
            {
                return false;
            }

            // RFC 3261 §25.1 LAQUOT/RAQUOT allow whitespace outside the brackets only (RFC 4475 §3.1.2.14).
            uriPart = value[(open + 1)..close];
            if (uriPart.IsEmpty || SipSyntax.IsWhitespace(uriPart[0]) || SipSyntax.IsWhitespace(uriPart[^1]))
            {
                return false;
            }

            paramPart = value[(close + 1)..];
        }
        else
        {
            // RFC 3261 §20.10: without angle brackets, a ';' starts header parameters, not URI parameters, and a
            // URI with headers ('?') must be bracketed (RFC 4475 §3.1.2.13).
            var semicolon = value.IndexOf((byte)';');
            uriPart = semicolon < 0 ? value : value[..semicolon];
            paramPart = semicolon < 0 ? [] : value[semicolon..];
            if (uriPart.Contains((byte)'?'))
            {
                return false;
            }
        }

        if (!SipUri.TryParse(uriPart, out var uri, out _)
            || !SipParameters.TryParse(SipSyntax.Trim(paramPart), out var parameters))
        {
            return false;
        }

        address = new SipNameAddress(displayName, uri, parameters);
        return true;
    }

    /// <summary>
    /// RFC 3261 §25.1: an unquoted display name is tokens separated by whitespace, so a comma or quote in it is an
    /// error (RFC 4475 §3.1.2.15). Non-ASCII bytes are let through: unquoted UTF-8 names are common and harmless.
    /// </summary>
    private static bool IsTokenSequence(ReadOnlySpan<byte> value)
    {
        foreach (var b in value)
        {
            if (!SipSyntax.IsTokenChar(b) && !SipSyntax.IsWhitespace(b) && b < 0x80)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>RFC 3261 §25.1 quoted-pair: a backslash escapes the next character.</summary>
    private static string Unescape(string quoted)
    {
        if (!quoted.Contains('\\', StringComparison.Ordinal))
        {
            return quoted;
        }

        var builder = new StringBuilder(quoted.Length);
        for (var i = 0; i < quoted.Length; i++)
        {
            if (quoted[i] == '\\' && i + 1 < quoted.Length)
            {
                i++;
            }

            builder.Append(quoted[i]);
        }

        return builder.ToString();
    }

    public SipNameAddress WithTag(string tag)
    {
        var parameters = new List<KeyValuePair<string, string?>>(Parameters.Count + 1);
        foreach (var p in Parameters)
        {
            if (!string.Equals(p.Key, "tag", StringComparison.OrdinalIgnoreCase))
            {
                parameters.Add(p);
            }
        }

        parameters.Add(new("tag", tag));
        return this with { Parameters = parameters };
    }

    public override string ToString()
    {
        var builder = new StringBuilder();
        if (!string.IsNullOrEmpty(DisplayName))
        {
            builder.Append('"').Append(DisplayName.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\" ");
        }

        builder.Append('<').Append(Uri).Append('>');
        SipParameters.Append(builder, Parameters);
        return builder.ToString();
    }
}
