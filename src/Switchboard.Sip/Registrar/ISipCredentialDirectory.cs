namespace Switchboard.Sip.Registrar;

/// <summary>
/// Where the registrar finds the digest secrets of the users allowed to register (RFC 3261 §10.3 step 3). The
/// host implements it over its own store, so the SIP layer knows nothing of storage.
/// </summary>
public interface ISipCredentialDirectory
{
    /// <summary>The user with this name, or null when there is none.</summary>
    ValueTask<SipUserCredentials?> FindAsync(string username, CancellationToken cancellationToken);
}
