namespace Switchboard.Calls.Engine;

/// <summary>How a <see cref="CallTarget"/> is reached.</summary>
public enum CallTargetKind
{
    Phone,
    Sip,

    /// <summary>A SIP client (device) by user name, called at the contact it registered.</summary>
    User,
}
