namespace Switchboard.Sip.Registrar;

/// <summary>What checking a REGISTER's credentials decided (RFC 3261 §10.3 steps 3–4, §22.1).</summary>
internal enum RegisterAuthentication
{
    /// <summary>The credentials prove the password of the user the To names.</summary>
    Authenticated,

    /// <summary>No usable credentials for our realm: answer 401 with fresh challenges.</summary>
    Challenge,

    /// <summary>The response was right but its nonce expired: 401 with stale=TRUE (RFC 7616 §3.3).</summary>
    StaleNonce,

    /// <summary>Wrong password, unknown user, or a user registering someone else's address: 403.</summary>
    Forbidden,

    /// <summary>The digest uri is not the Request-URI: 400 (RFC 7616 §3.4.6).</summary>
    UriMismatch,
}
