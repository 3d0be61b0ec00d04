namespace Switchboard.Sip.Auth;

/// <summary>The outcome of checking digest credentials.</summary>
public enum DigestVerification
{
    /// <summary>The response proves the password and the nonce is ours and fresh.</summary>
    Valid,

    /// <summary>
    /// The response is right but the nonce has expired: challenge again with <c>stale=TRUE</c> so the client retries
    /// without asking its user (RFC 7616 §3.3).
    /// </summary>
    Stale,

    /// <summary>The nonce was not issued by us (or for another realm, or not yet valid): challenge again.</summary>
    UnknownNonce,

    /// <summary>The response does not match: wrong password, user, method or URI.</summary>
    WrongResponse,

    /// <summary>The credentials use something we did not offer (another algorithm, auth-int, or no qop).</summary>
    Unsupported,
}
