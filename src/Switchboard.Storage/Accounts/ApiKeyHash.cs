using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Storage.Accounts;

/// <summary>
/// API keys are high-entropy random tokens, so one unsalted SHA-256 is enough to make a stolen database
/// useless while keeping lookup a single indexed equality on the hash.
/// </summary>
public static class ApiKeyHash
{
    public static byte[] Compute(string token)
    {
        var bytes = Encoding.UTF8.GetBytes(token);
        return SHA256.HashData(bytes);
    }

    /// <summary>A new key: 32 random bytes, URL-safe, prefixed so it is recognisable in a leaked log.</summary>
    public static string NewToken()
    {
        Span<byte> random = stackalloc byte[32];
        RandomNumberGenerator.Fill(random);
        return "sb_" + Convert.ToBase64String(random).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
