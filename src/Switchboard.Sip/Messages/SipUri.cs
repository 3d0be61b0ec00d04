using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Switchboard.Sip.Messages;

/// <summary>A <c>sip:</c> or <c>sips:</c> URI (RFC 3261 §19.1): <c>sip:user@host:port;params?headers</c>.</summary>
public sealed record SipUri(
    string Scheme,
    string? User,
    string Host,
    int? Port,
    IReadOnlyList<KeyValuePair<string, string?>> Parameters,
    string? Headers)
{
    public SipUri(string scheme, string? user, string host, int? port)
        : this(scheme, user, host, port, [], null)
    {
    }

    /// <summary>The port to send to when none is given: 5060 for sip, 5061 for sips (RFC 3261 §19.1.2).</summary>
    public int PortOrDefault => Port ?? (IsSecure ? 5061 : 5060);

    public bool IsSecure => string.Equals(Scheme, "sips", StringComparison.OrdinalIgnoreCase);

    public string? GetParameter(string name) => SipParameters.Get(Parameters, name);

    public static bool TryParse(string value, [NotNullWhen(true)] out SipUri? uri, out string? error) =>
        TryParse(Encoding.UTF8.GetBytes(value), out uri, out error);

    public static bool TryParse(ReadOnlySpan<byte> value, [NotNullWhen(true)] out SipUri? uri, out string? error)
    {
        uri = null;
        value = SipSyntax.Trim(value);
        var colon = value.IndexOf((byte)':');
        if (colon <= 0)
        {
            error = "URI has no scheme";
            return false;
        }

        var scheme = value[..colon];
        if (!Ascii.EqualsIgnoreCase(scheme, "sip"u8) && !Ascii.EqualsIgnoreCase(scheme, "sips"u8))
        {
            error = "URI scheme is not sip or sips";
            return false;
        }

        // The userinfo may contain ';', '?' and ':' (RFC 3261 §25.1 user-unreserved, password), but parameters and
        // headers may not contain an unescaped '@', so the last '@' ends the userinfo (RFC 4475 §3.1.1.2, §3.1.1.9).
        var rest = value[(colon + 1)..];
        string? user = null;
        var at = rest.LastIndexOf((byte)'@');
        if (at >= 0)
        {
            if (at == 0)
            {
                error = "URI has an empty user part";
                return false;
            }

            user = Encoding.UTF8.GetString(rest[..at]);
            rest = rest[(at + 1)..];
        }

        string? headers = null;
        var question = rest.IndexOf((byte)'?');
        if (question >= 0)
        {
            headers = Encoding.UTF8.GetString(rest[(question + 1)..]);
            rest = rest[..question];
        }

        var semicolon = rest.IndexOf((byte)';');
        var hostPort = semicolon < 0 ? rest : rest[..semicolon];
        if (!TryParseHostPort(hostPort, out var host, out var port))
        {
            error = "URI host or port is invalid";
            return false;
        }

        var parameters = new List<KeyValuePair<string, string?>>();
        if (semicolon >= 0 && !SipParameters.TryParse(rest[semicolon..], out parameters))
        {
            error = "URI has an empty parameter";
            return false;
        }

        uri = new SipUri(Encoding.ASCII.GetString(scheme).ToLowerInvariant(), user, host, port, parameters, headers);
        error = null;
        return true;
    }

    /// <summary>Parses <c>host[:port]</c> where host may be a bracketed IPv6 reference (RFC 3261 §25.1 hostport).</summary>
    internal static bool TryParseHostPort(ReadOnlySpan<byte> value, [NotNullWhen(true)] out string? host, out int? port)
    {
        host = null;
        port = null;
        value = SipSyntax.Trim(value);
        ReadOnlySpan<byte> portPart = [];
        if (!value.IsEmpty && value[0] == '[')
        {
            var close = value.IndexOf((byte)']');
            if (close < 0)
            {
                return false;
            }

            host = Encoding.ASCII.GetString(value[..(close + 1)]);
            var after = value[(close + 1)..];
            if (!after.IsEmpty)
            {
                if (after[0] != ':')
                {
                    return false;
                }

                portPart = after[1..];
            }
        }
        else
        {
            var colon = value.IndexOf((byte)':');
            var hostPart = colon < 0 ? value : value[..colon];
            if (hostPart.IsEmpty)
            {
                return false;
            }

            foreach (var b in hostPart)
            {
                if (!(SipSyntax.IsTokenChar(b) && b != '!' && b != '%' && b != '*' && b != '`' && b != '\''))
                {
                    return false;
                }
            }

            host = Encoding.ASCII.GetString(hostPart);
            portPart = colon < 0 ? [] : value[(colon + 1)..];
            if (colon >= 0 && portPart.IsEmpty)
            {
                return false;
            }
        }

        if (!portPart.IsEmpty)
        {
            if (!Utf8Parser.TryParse(portPart, out ushort parsed, out var consumed) || consumed != portPart.Length || parsed == 0)
            {
                return false;
            }

            port = parsed;
        }

        return true;
    }

    public override string ToString()
    {
        var builder = new StringBuilder(Scheme).Append(':');
        if (User is not null)
        {
            builder.Append(User).Append('@');
        }

        builder.Append(Host);
        if (Port is { } port)
        {
            builder.Append(':').Append(port);
        }

        SipParameters.Append(builder, Parameters);
        if (Headers is not null)
        {
            builder.Append('?').Append(Headers);
        }

        return builder.ToString();
    }
}
