using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Sip.Auth;

/// <summary>Names and hash functions of the <see cref="DigestAlgorithm"/> values.</summary>
public static class DigestAlgorithms
{
    /// <summary>The <c>algorithm</c> token (RFC 7616 §3.3); an absent one means MD5.</summary>
    public static string Token(DigestAlgorithm algorithm) => algorithm switch
    {
        DigestAlgorithm.Md5 => "MD5",
        DigestAlgorithm.Md5Session => "MD5-sess",
        DigestAlgorithm.Sha256 => "SHA-256",
        DigestAlgorithm.Sha256Session => "SHA-256-sess",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    public static bool TryParse(string? token, out DigestAlgorithm algorithm)
    {
        algorithm = DigestAlgorithm.Md5;
        switch (token?.ToUpperInvariant())
        {
            case null or "MD5":
                return true;
            case "MD5-SESS":
                algorithm = DigestAlgorithm.Md5Session;
                return true;
            case "SHA-256":
                algorithm = DigestAlgorithm.Sha256;
                return true;
            case "SHA-256-SESS":
                algorithm = DigestAlgorithm.Sha256Session;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Ranks algorithms so a client offered several picks the strongest (RFC 8760 §2.4).</summary>
    public static int Strength(DigestAlgorithm algorithm) => algorithm is DigestAlgorithm.Sha256 or DigestAlgorithm.Sha256Session ? 2 : 1;

    public static bool IsSession(DigestAlgorithm algorithm) => algorithm is DigestAlgorithm.Md5Session or DigestAlgorithm.Sha256Session;

    /// <summary>H(data) as lowercase hex (RFC 7616 §3.4.1: the 32 or 64 hex digit form).</summary>
    [SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Algorithms", Justification = "RFC 2617 digest requires MD5 for interoperability.")]
    public static string Hash(DigestAlgorithm algorithm, string data)
    {
        var bytes = Encoding.UTF8.GetBytes(data);
        return Convert.ToHexStringLower(algorithm is DigestAlgorithm.Md5 or DigestAlgorithm.Md5Session ? MD5.HashData(bytes) : SHA256.HashData(bytes));
    }
}
