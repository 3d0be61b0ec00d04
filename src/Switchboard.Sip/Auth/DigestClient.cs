using System.Globalization;
using System.Security.Cryptography;

namespace Switchboard.Sip.Auth;

/// <summary>Answers one digest challenge (RFC 3261 §22.2, RFC 7616 §3.4): qop=auth when offered, else the RFC 2069 form.</summary>
public static class DigestClient
{
    public static DigestCredentials Answer(DigestChallenge challenge, SipCredentials credentials, string method, string uri, uint nonceCount = 1, string? cnonce = null)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(credentials);
        var qop = challenge.OffersAuth ? "auth" : null;
        cnonce ??= qop is not null || DigestAlgorithms.IsSession(challenge.Algorithm) ? NewCnonce() : null;
        var nc = qop is null ? null : nonceCount.ToString("x8", CultureInfo.InvariantCulture);
        var ha1 = DigestHash.EffectiveHa1(challenge.Algorithm, DigestHash.Ha1(challenge.Algorithm, credentials.Username, challenge.Realm, credentials.Password), challenge.Nonce, cnonce);
        var response = DigestHash.Response(challenge.Algorithm, ha1, challenge.Nonce, nc, cnonce, qop, method, uri);
        return new DigestCredentials(credentials.Username, challenge.Realm, challenge.Nonce, uri, response, challenge.Algorithm, challenge.Opaque, qop, nc, cnonce);
    }

    /// <summary>RFC 7616 §3.4: the cnonce should have at least 64 bits of entropy.</summary>
    private static string NewCnonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
