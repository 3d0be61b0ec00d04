using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Switchboard.Sip.Auth;

/// <summary>
/// The <c>Authorization</c> or <c>Proxy-Authorization</c> Digest credentials (RFC 3261 §22.2, RFC 7616 §3.4).
/// <paramref name="Qop"/>, <paramref name="NonceCount"/> and <paramref name="Cnonce"/> are null in the RFC 2069 form.
/// </summary>
public sealed record DigestCredentials(
    string Username,
    string Realm,
    string Nonce,
    string Uri,
    string Response,
    DigestAlgorithm Algorithm,
    string? Opaque,
    string? Qop,
    string? NonceCount,
    string? Cnonce)
{
    public static bool TryParse(string value, [NotNullWhen(true)] out DigestCredentials? credentials)
    {
        credentials = null;
        if (!DigestParameters.TryParse(value, out var p)
            || !p.TryGetValue("username", out var username) || !p.TryGetValue("realm", out var realm)
            || !p.TryGetValue("nonce", out var nonce) || !p.TryGetValue("uri", out var uri)
            || !p.TryGetValue("response", out var response)
            || !DigestAlgorithms.TryParse(p.GetValueOrDefault("algorithm"), out var algorithm))
        {
            return false;
        }

        var qop = p.GetValueOrDefault("qop");
        var nc = p.GetValueOrDefault("nc");
        var cnonce = p.GetValueOrDefault("cnonce");

        // RFC 7616 §3.4: with qop, cnonce and an 8-hex-digit nc must be present.
        if (qop is not null && (cnonce is null || nc is null || nc.Length != 8 || !nc.All(char.IsAsciiHexDigit)))
        {
            return false;
        }

        credentials = new DigestCredentials(username, realm, nonce, uri, response, algorithm, p.GetValueOrDefault("opaque"), qop, nc, cnonce);
        return true;
    }

    /// <summary>The header value. RFC 7616 §3.4 quotes username, realm, nonce, uri, response, cnonce and opaque only.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder("Digest");
        DigestParameters.AppendQuoted(builder, "username", Username);
        DigestParameters.AppendQuoted(builder, "realm", Realm);
        DigestParameters.AppendQuoted(builder, "nonce", Nonce);
        DigestParameters.AppendQuoted(builder, "uri", Uri);
        DigestParameters.AppendQuoted(builder, "response", Response);
        DigestParameters.AppendToken(builder, "algorithm", DigestAlgorithms.Token(Algorithm));
        if (Cnonce is not null)
        {
            DigestParameters.AppendQuoted(builder, "cnonce", Cnonce);
        }

        if (Opaque is not null)
        {
            DigestParameters.AppendQuoted(builder, "opaque", Opaque);
        }

        if (Qop is not null)
        {
            DigestParameters.AppendToken(builder, "qop", Qop);
            DigestParameters.AppendToken(builder, "nc", NonceCount!);
        }

        return builder.ToString();
    }
}
