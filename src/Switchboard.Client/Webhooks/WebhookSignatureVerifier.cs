using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Client.Webhooks;

/// <summary>
/// Checks the <c>Switchboard-Signature</c> of a webhook: <c>t=&lt;unix seconds&gt;,v1=&lt;hex&gt;[,v1=...]</c>, where
/// some <c>v1</c> is the HMAC-SHA256, keyed with the UTF-8 bytes of the account's webhook secret, of
/// <c>"&lt;t&gt;." + the raw body</c> (for a GET hook, of <c>"&lt;t&gt;." + path and query</c>). During a secret's
/// rotation the header carries one <c>v1</c> per secret, so give the verifier every secret you still accept.
/// </summary>
public sealed class WebhookSignatureVerifier
{
    /// <summary>The header Switchboard signs with (jambonz's <c>Jambonz-Signature</c> carries the same value).</summary>
    public const string HeaderName = "Switchboard-Signature";

    /// <summary>How old a signature may be by default: enough for clock skew and a slow hop, too little to replay.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    private const int HashLength = 32;
    private readonly byte[][] _keys;
    private readonly TimeSpan _tolerance;
    private readonly TimeProvider _time;

    /// <param name="secrets">The webhook secrets accepted (the current one, and the previous one while it rotates).</param>
    /// <param name="tolerance">How far the signature's time may be from now; <see cref="DefaultTolerance"/> by default.</param>
    /// <param name="timeProvider">The clock; the system's by default.</param>
    public WebhookSignatureVerifier(IEnumerable<string> secrets, TimeSpan? tolerance = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        _keys = [.. secrets.Where(secret => !string.IsNullOrEmpty(secret)).Select(Encoding.UTF8.GetBytes)];
        if (_keys.Length == 0)
        {
            throw new ArgumentException("at least one webhook secret is needed", nameof(secrets));
        }

        _tolerance = tolerance ?? DefaultTolerance;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>A verifier of one secret.</summary>
    public WebhookSignatureVerifier(string secret)
        : this([secret])
    {
    }

    /// <summary>
    /// Whether <paramref name="header"/> signs <paramref name="signedContent"/> (the raw body, or a GET hook's path and
    /// query) with one of the secrets, at a time within the tolerance of now. Comparisons take constant time.
    /// </summary>
    public bool Verify(string? header, ReadOnlySpan<byte> signedContent)
    {
        if (header is null || !TryReadTimestamp(header, out var unixSeconds)
            || Math.Abs(_time.GetUtcNow().ToUnixTimeSeconds() - unixSeconds) > _tolerance.TotalSeconds)
        {
            return false;
        }

        var prefix = Encoding.ASCII.GetBytes(unixSeconds.ToString(CultureInfo.InvariantCulture) + ".");
        var message = ArrayPool<byte>.Shared.Rent(prefix.Length + signedContent.Length);
        try
        {
            prefix.CopyTo(message, 0);
            signedContent.CopyTo(message.AsSpan(prefix.Length));
            return AnyMatches(header, message.AsSpan(0, prefix.Length + signedContent.Length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(message);
        }
    }

    private bool AnyMatches(string header, ReadOnlySpan<byte> message)
    {
        Span<byte> expected = stackalloc byte[HashLength];
        Span<byte> presented = stackalloc byte[HashLength];
        foreach (var key in _keys)
        {
            HMACSHA256.HashData(key, message, expected);
            foreach (var range in header.AsSpan().Split(','))
            {
                var part = header.AsSpan()[range].Trim();
                if (part.StartsWith("v1=", StringComparison.Ordinal)
                    && Convert.FromHexString(part[3..], presented, out _, out var written) == OperationStatus.Done
                    && written == HashLength
                    && CryptographicOperations.FixedTimeEquals(expected, presented))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool TryReadTimestamp(string header, out long unixSeconds)
    {
        foreach (var range in header.AsSpan().Split(','))
        {
            var part = header.AsSpan()[range].Trim();
            if (part.StartsWith("t=", StringComparison.Ordinal))
            {
                return long.TryParse(part[2..], NumberStyles.None, CultureInfo.InvariantCulture, out unixSeconds);
            }
        }

        unixSeconds = 0;
        return false;
    }
}
