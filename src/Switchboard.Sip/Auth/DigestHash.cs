namespace Switchboard.Sip.Auth;

/// <summary>The digest computations of RFC 7616 §3.4.1–§3.4.3 (RFC 2617 §3.2.2), shared by client and verifier.</summary>
public static class DigestHash
{
    /// <summary>HA1 as a registrar stores it: H(username:realm:password).</summary>
    public static string Ha1(DigestAlgorithm algorithm, string username, string realm, string password) =>
        DigestAlgorithms.Hash(algorithm, $"{username}:{realm}:{password}");

    /// <summary>The HA1 a response uses: the stored one, or for <c>-sess</c> H(HA1:nonce:cnonce) (RFC 7616 §3.4.2).</summary>
    public static string EffectiveHa1(DigestAlgorithm algorithm, string storedHa1, string nonce, string? cnonce) =>
        DigestAlgorithms.IsSession(algorithm) ? DigestAlgorithms.Hash(algorithm, $"{storedHa1}:{nonce}:{cnonce}") : storedHa1;

    /// <summary>
    /// The request-digest: with qop, H(HA1:nonce:nc:cnonce:qop:HA2) (RFC 7616 §3.4.1); without, the RFC 2069 form
    /// H(HA1:nonce:HA2). HA2 is H(method:uri) for qop=auth.
    /// </summary>
    public static string Response(DigestAlgorithm algorithm, string effectiveHa1, string nonce, string? nonceCount, string? cnonce, string? qop, string method, string uri)
    {
        var ha2 = DigestAlgorithms.Hash(algorithm, $"{method}:{uri}");
        return qop is null
            ? DigestAlgorithms.Hash(algorithm, $"{effectiveHa1}:{nonce}:{ha2}")
            : DigestAlgorithms.Hash(algorithm, $"{effectiveHa1}:{nonce}:{nonceCount}:{cnonce}:{qop}:{ha2}");
    }
}
