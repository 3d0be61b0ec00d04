using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Storage.Clients;

/// <summary>
/// RFC 7616 §3.4.2: <c>HA1 = H(username ":" realm ":" password)</c>. Keeping HA1 for both MD5 (what most SIP
/// phones still answer with) and SHA-256 lets the registrar verify either without ever storing the password.
/// </summary>
public static class DigestHa1
{
    public static byte[] Md5(string username, string realm, string password)
    {
        // RFC 2617 digest is defined over MD5; this is protocol compatibility, not a security choice.
#pragma warning disable CA5351
        return MD5.HashData(Input(username, realm, password));
#pragma warning restore CA5351
    }

    public static byte[] Sha256(string username, string realm, string password) =>
        SHA256.HashData(Input(username, realm, password));

    private static byte[] Input(string username, string realm, string password) =>
        Encoding.UTF8.GetBytes($"{username}:{realm}:{password}");
}
