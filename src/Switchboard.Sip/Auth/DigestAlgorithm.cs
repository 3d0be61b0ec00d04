namespace Switchboard.Sip.Auth;

/// <summary>
/// The digest algorithms we speak (RFC 7616 §3.3, RFC 8760 for SIP). The <c>-sess</c> variants hash the nonces
/// into HA1 (RFC 7616 §3.4.2).
/// </summary>
public enum DigestAlgorithm
{
    Md5,
    Md5Session,
    Sha256,
    Sha256Session,
}
