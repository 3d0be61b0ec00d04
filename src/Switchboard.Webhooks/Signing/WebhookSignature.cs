using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Webhooks.Signing;

/// <summary>
/// The <c>Switchboard-Signature</c> header: <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, "&lt;t&gt;.&lt;raw body&gt;")&gt;</c>.
/// The key is the UTF-8 bytes of the whole secret. During a rotation's grace period the header carries one
/// <c>v1</c> per valid secret, newest first, so a receiver that still knows only the old secret keeps verifying.
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "Switchboard-Signature";

    /// <summary>
    /// The same signature under jambonz's name: its applications verify <c>Jambonz-Signature</c> with
    /// <c>WebhookResponse.verifyJambonzSignature(secret)</c> (@jambonz/node-client), which reads this very format.
    /// </summary>
    public const string JambonzHeaderName = "Jambonz-Signature";

    /// <summary>How old a timestamp <see cref="Verify"/> accepts by default: enough for clock skew and one slow hop.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    private const int HashLength = 32;

    public static string Create(long unixSeconds, ReadOnlySpan<byte> payload, IReadOnlyList<string> secrets)
    {
        var header = new StringBuilder("t=").Append(unixSeconds.ToString(CultureInfo.InvariantCulture));
        Span<byte> hash = stackalloc byte[HashLength];
        foreach (var secret in secrets)
        {
            Compute(secret, unixSeconds, payload, hash);
            header.Append(",v1=").Append(Convert.ToHexStringLower(hash));
        }

        return header.ToString();
    }

    /// <summary>
    /// Whether <paramref name="header"/> signs <paramref name="payload"/> with one of <paramref name="secrets"/> and a
    /// timestamp within <paramref name="tolerance"/> of <paramref name="now"/>. Comparisons take constant time.
    /// </summary>
    public static bool Verify(string? header, ReadOnlySpan<byte> payload, IReadOnlyList<string> secrets, DateTimeOffset now, TimeSpan tolerance)
    {
        if (header is null || !TryReadTimestamp(header, out var unixSeconds)
            || Math.Abs(now.ToUnixTimeSeconds() - unixSeconds) > tolerance.TotalSeconds)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HashLength];
        Span<byte> presented = stackalloc byte[HashLength];
        foreach (var secret in secrets)
        {
            Compute(secret, unixSeconds, payload, expected);
            foreach (var range in header.AsSpan().Split(','))
            {
                var part = header.AsSpan()[range].Trim();
                if (part.StartsWith("v1=") && Convert.FromHexString(part[3..], presented, out _, out var written) == System.Buffers.OperationStatus.Done
                    && written == HashLength && CryptographicOperations.FixedTimeEquals(expected, presented))
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
            if (part.StartsWith("t="))
            {
                return long.TryParse(part[2..], NumberStyles.None, CultureInfo.InvariantCulture, out unixSeconds);
            }
        }

        unixSeconds = 0;
        return false;
    }

    private static void Compute(string secret, long unixSeconds, ReadOnlySpan<byte> payload, Span<byte> hash)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        Span<byte> prefix = stackalloc byte[24];
        unixSeconds.TryFormat(prefix, out var length, provider: CultureInfo.InvariantCulture);
        prefix[length++] = (byte)'.';
        hmac.AppendData(prefix[..length]);
        hmac.AppendData(payload);
        hmac.GetHashAndReset(hash);
    }
}
