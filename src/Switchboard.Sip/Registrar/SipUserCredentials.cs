namespace Switchboard.Sip.Registrar;

/// <summary>
/// What a registrar keeps of a user's password: HA1 = H(username:realm:password) for MD5 and SHA-256 as lowercase
/// hex (RFC 7616 §3.4.2), enough to verify a digest response without knowing the password.
/// </summary>
public sealed record SipUserCredentials(string Username, string Realm, string Md5Ha1, string Sha256Ha1)
{
    /// <summary>Keeps the hashes out of logs: they are as good as the password for this realm.</summary>
    public override string ToString() => $"SipUserCredentials {{ Username = {Username}, Realm = {Realm} }}";
}
