using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Sip.Auth;

/// <summary>
/// The server side of digest authentication (RFC 3261 §22.1, RFC 7616 §3.3, §3.4.1): issues challenges and checks
/// credentials against a stored HA1. Nonces are stateless: a timestamp and an HMAC over it and the realm with a
/// secret key, so any node holding the key verifies them and nothing is stored. The cost is that a nonce can be
/// replayed until it expires, which a short <c>nonceLifetime</c> bounds; the nonce count is not tracked.
/// </summary>
public sealed class DigestVerifier
{
    private const int TimestampHexLength = 16;
    private const int MacBytes = 16;
    private readonly byte[] _key;
    private readonly TimeProvider _time;
    private readonly TimeSpan _nonceLifetime;

    /// <param name="key">The HMAC key; at least 32 bytes, the same on every node that verifies.</param>
    /// <param name="nonceLifetime">How long a nonce stays fresh; older ones verify as <see cref="DigestVerification.Stale"/>.</param>
    public DigestVerifier(ReadOnlySpan<byte> key, TimeProvider time, TimeSpan nonceLifetime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(key.Length, 32, nameof(key));
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(nonceLifetime, TimeSpan.Zero);
        _key = key.ToArray();
        _time = time;
        _nonceLifetime = nonceLifetime;
    }

    /// <summary>Accept credentials without qop (the RFC 2069 form). Off by default: qop binds the client's cnonce in.</summary>
    public bool AllowRfc2069 { get; init; }

    /// <summary>A fresh challenge offering qop=auth with <paramref name="algorithm"/>.</summary>
    public DigestChallenge CreateChallenge(string realm, DigestAlgorithm algorithm, bool stale = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(realm);
        return new DigestChallenge(realm, IssueNonce(realm, _time.GetUtcNow()), null, algorithm, ["auth"], stale);
    }

    /// <summary>
    /// Checks <paramref name="credentials"/> sent with a <paramref name="method"/> request. <paramref name="storedHa1"/>
    /// is H(username:realm:password) computed with the credentials' algorithm (see <see cref="DigestHash.Ha1"/>).
    /// The caller checks that the username is the one the HA1 belongs to and that the uri is the Request-URI.
    /// </summary>
    public DigestVerification Verify(DigestCredentials credentials, string method, string storedHa1, DigestAlgorithm expectedAlgorithm)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        if (credentials.Algorithm != expectedAlgorithm
            || (credentials.Qop is null ? !AllowRfc2069 : !credentials.Qop.Equals("auth", StringComparison.OrdinalIgnoreCase)))
        {
            return DigestVerification.Unsupported;
        }

        if (!TryReadNonce(credentials.Realm, credentials.Nonce, out var issuedAt))
        {
            return DigestVerification.UnknownNonce;
        }

        var ha1 = DigestHash.EffectiveHa1(credentials.Algorithm, storedHa1, credentials.Nonce, credentials.Cnonce);
        var expected = DigestHash.Response(credentials.Algorithm, ha1, credentials.Nonce, credentials.NonceCount, credentials.Cnonce, credentials.Qop, method, credentials.Uri);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(credentials.Response.ToLowerInvariant())))
        {
            return DigestVerification.WrongResponse;
        }

        return _time.GetUtcNow() - issuedAt > _nonceLifetime ? DigestVerification.Stale : DigestVerification.Valid;
    }

    /// <summary>The nonce: 16 hex digits of issue time (Unix milliseconds), then a truncated HMAC over them and the realm.</summary>
    private string IssueNonce(string realm, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeMilliseconds().ToString("x16", CultureInfo.InvariantCulture);
        return timestamp + Convert.ToHexStringLower(Mac(realm, timestamp));
    }

    private bool TryReadNonce(string realm, string nonce, out DateTimeOffset issuedAt)
    {
        issuedAt = default;
        if (nonce.Length != TimestampHexLength + (2 * MacBytes)
            || !long.TryParse(nonce.AsSpan(0, TimestampHexLength), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var milliseconds))
        {
            return false;
        }

        Span<byte> presented = stackalloc byte[MacBytes];
        if (Convert.FromHexString(nonce.AsSpan(TimestampHexLength), presented, out _, out var written) != System.Buffers.OperationStatus.Done || written != MacBytes
            || !CryptographicOperations.FixedTimeEquals(presented, Mac(realm, nonce[..TimestampHexLength])))
        {
            return false;
        }

        // A nonce from the future beyond a little clock skew between nodes was not issued by us.
        issuedAt = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        return issuedAt - _time.GetUtcNow() <= TimeSpan.FromSeconds(5);
    }

    private byte[] Mac(string realm, string timestamp)
    {
        var input = Encoding.UTF8.GetBytes(timestamp + ":" + realm);
        Span<byte> full = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, input, full);
        return full[..MacBytes].ToArray();
    }
}
