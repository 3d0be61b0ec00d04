namespace Switchboard.Calls.Engine;

/// <summary>How a <see cref="CallTarget"/> is reached.</summary>
public enum CallTargetKind
{
    Phone,
    Sip,
}
