using System.Security.Cryptography;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.UserAgent;

/// <summary>Random identifiers with the uniqueness RFC 3261 asks for (§8.1.1.4 Call-ID, §19.3 tags, §8.1.1.7 branch).</summary>
internal static class SipIdentifiers
{
    public static string NewBranch() => SipVia.MagicCookie + RandomHex(12);

    public static string NewTag() => RandomHex(8);

    public static string NewCallId() => RandomHex(16);

    private static string RandomHex(int bytes)
    {
        Span<byte> buffer = stackalloc byte[bytes];
        RandomNumberGenerator.Fill(buffer);
        return Convert.ToHexStringLower(buffer);
    }
}
