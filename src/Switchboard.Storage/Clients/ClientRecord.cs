namespace Switchboard.Storage.Clients;

/// <summary>
/// A SIP user (a phone or softphone) that registers to Switchboard's registrar and can be called as
/// <c>to.type=user</c>. The password is never stored: only the RFC 7616 digest hashes
/// <c>H(username:realm:password)</c> for MD5 and SHA-256, which is all a registrar needs to verify a response.
/// </summary>
public sealed record ClientRecord(
    string Sid,
    string AccountSid,
    string Username,
    string Realm,
    byte[] Md5Ha1,
    byte[] Sha256Ha1,
    DateTimeOffset CreatedAt);
