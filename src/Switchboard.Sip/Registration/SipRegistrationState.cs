namespace Switchboard.Sip.Registration;

/// <summary>Where one registration stands (RFC 3261 §10.2).</summary>
public enum SipRegistrationState
{
    /// <summary>Not started.</summary>
    Idle,

    /// <summary>The first REGISTER (or one after a failure) is under way.</summary>
    Registering,

    /// <summary>The registrar holds our binding; a refresh is due before it expires.</summary>
    Registered,

    /// <summary>A refresh is under way; the binding it refreshes is still in force.</summary>
    Refreshing,

    /// <summary>The last attempt failed; another follows after a backoff.</summary>
    Failed,

    /// <summary>Stopping: a REGISTER with Expires: 0 removes our binding (RFC 3261 §10.2.2).</summary>
    Unregistering,

    /// <summary>Stopped; the registrar holds no binding of ours.</summary>
    Unregistered,
}
