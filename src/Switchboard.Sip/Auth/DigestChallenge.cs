using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Switchboard.Sip.Auth;

/// <summary>
/// A <c>WWW-Authenticate</c> or <c>Proxy-Authenticate</c> Digest challenge (RFC 3261 §22.1, RFC 7616 §3.3).
/// <paramref name="Qop"/> lists the offered protection options; empty means the RFC 2069 form without qop.
/// </summary>
public sealed record DigestChallenge(string Realm, string Nonce, string? Opaque, DigestAlgorithm Algorithm, IReadOnlyList<string> Qop, bool Stale)
{
    /// <summary>True when qop=auth is offered (we never use auth-int, which hashes the body).</summary>
    public bool OffersAuth => Qop.Any(q => q.Equals("auth", StringComparison.OrdinalIgnoreCase));

    /// <summary>Parses one challenge; false for other schemes, unknown algorithms, or a missing realm or nonce.</summary>
    public static bool TryParse(string value, [NotNullWhen(true)] out DigestChallenge? challenge)
    {
        challenge = null;
        if (!DigestParameters.TryParse(value, out var parameters)
            || !parameters.TryGetValue("realm", out var realm) || !parameters.TryGetValue("nonce", out var nonce)
            || !DigestAlgorithms.TryParse(parameters.GetValueOrDefault("algorithm"), out var algorithm))
        {
            return false;
        }

        var qop = parameters.TryGetValue("qop", out var qopList)
            ? qopList.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : [];
        var stale = parameters.TryGetValue("stale", out var staleValue) && staleValue.Equals("true", StringComparison.OrdinalIgnoreCase);
        challenge = new DigestChallenge(realm, nonce, parameters.GetValueOrDefault("opaque"), algorithm, qop, stale);
        return true;
    }

    /// <summary>The header value, e.g. <c>Digest realm="r", nonce="n", algorithm=SHA-256, qop="auth"</c>.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder("Digest");
        DigestParameters.AppendQuoted(builder, "realm", Realm);
        DigestParameters.AppendQuoted(builder, "nonce", Nonce);
        if (Opaque is not null)
        {
            DigestParameters.AppendQuoted(builder, "opaque", Opaque);
        }

        DigestParameters.AppendToken(builder, "algorithm", DigestAlgorithms.Token(Algorithm));
        if (Qop.Count > 0)
        {
            DigestParameters.AppendQuoted(builder, "qop", string.Join(',', Qop));
        }

        if (Stale)
        {
            DigestParameters.AppendToken(builder, "stale", "TRUE");
        }

        return builder.ToString();
    }
}
