using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Switchboard.Sip.Messages;

/// <summary>One Via header value (RFC 3261 §20.42): <c>SIP/2.0/UDP host:port;branch=z9hG4bK...;rport;received=...</c>.</summary>
public sealed record SipVia(string Transport, string Host, int? Port, IReadOnlyList<KeyValuePair<string, string?>> Parameters)
{
    /// <summary>The RFC 3261 §8.1.1.7 magic cookie that marks a branch as globally unique.</summary>
    public const string MagicCookie = "z9hG4bK";

    public string? Branch => SipParameters.Get(Parameters, "branch");

    public string? Received => SipParameters.Get(Parameters, "received");

    /// <summary>True when the rport parameter is present, with or without a value (RFC 3581 §3).</summary>
    public bool HasRport => SipParameters.Contains(Parameters, "rport");

    public int? Rport => int.TryParse(SipParameters.Get(Parameters, "rport"), out var port) ? port : null;

    public static bool TryParse(ReadOnlySpan<byte> value, [NotNullWhen(true)] out SipVia? via) => TryParse(value, anyVersion: false, out via);

    /// <summary>
    /// Reads a Via of any SIP version, and without the parameters when they do not parse, only to learn where to send
    /// the refusal of its request (RFC 3261 §18.2.2; RFC 4475 §3.1.2.16 sends <c>SIP/7.0/UDP</c>, §3.1.2.1 empty
    /// parameters). The returned value is never written into a message.
    /// </summary>
    internal static bool TryParseAnyVersion(ReadOnlySpan<byte> value, [NotNullWhen(true)] out SipVia? via) => TryParse(value, anyVersion: true, out via);

    private static bool TryParse(ReadOnlySpan<byte> value, bool anyVersion, [NotNullWhen(true)] out SipVia? via)
    {
        via = null;
        value = SipSyntax.Trim(value);

        // sent-protocol = "SIP" / "2.0" / transport, with optional LWS around the slashes.
        if (!TakeToken(ref value, out var name) || !Ascii.EqualsIgnoreCase(name, "SIP"u8) || !TakeSlash(ref value)
            || !TakeToken(ref value, out var version) || (!anyVersion && !version.SequenceEqual("2.0"u8)) || !TakeSlash(ref value)
            || !TakeToken(ref value, out var transport))
        {
            return false;
        }

        value = SipSyntax.Trim(value);
        var semicolon = value.IndexOf((byte)';');
        var sentBy = semicolon < 0 ? value : value[..semicolon];
        if (!SipUri.TryParseHostPort(sentBy, out var host, out var port))
        {
            return false;
        }

        var parameters = new List<KeyValuePair<string, string?>>();
        if (semicolon >= 0 && !SipParameters.TryParse(value[semicolon..], out parameters))
        {
            if (!anyVersion)
            {
                return false;
            }

            // Only the sent-by matters to a refusal; parameters that do not parse (RFC 4475 §3.1.2.1) are left out.
            parameters = [];
        }

        via = new SipVia(Encoding.ASCII.GetString(transport).ToUpperInvariant(), host, port, parameters);
        return true;
    }

    /// <summary>Returns a copy with the named parameter set (added or replaced).</summary>
    public SipVia WithParameter(string name, string? value)
    {
        var parameters = new List<KeyValuePair<string, string?>>(Parameters.Count + 1);
        var replaced = false;
        foreach (var p in Parameters)
        {
            if (string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                parameters.Add(new(name, value));
                replaced = true;
            }
            else
            {
                parameters.Add(p);
            }
        }

        if (!replaced)
        {
            parameters.Add(new(name, value));
        }

        return this with { Parameters = parameters };
    }

    public override string ToString()
    {
        var builder = new StringBuilder("SIP/2.0/").Append(Transport).Append(' ').Append(Host);
        if (Port is { } port)
        {
            builder.Append(':').Append(port);
        }

        SipParameters.Append(builder, Parameters);
        return builder.ToString();
    }

    private static bool TakeToken(ref ReadOnlySpan<byte> value, out ReadOnlySpan<byte> token)
    {
        value = SipSyntax.Trim(value);
        var length = 0;
        while (length < value.Length && SipSyntax.IsTokenChar(value[length]))
        {
            length++;
        }

        token = value[..length];
        value = value[length..];
        return length > 0;
    }

    private static bool TakeSlash(ref ReadOnlySpan<byte> value)
    {
        value = SipSyntax.Trim(value);
        if (value.IsEmpty || value[0] != '/')
        {
            return false;
        }

        value = value[1..];
        return true;
    }
}
