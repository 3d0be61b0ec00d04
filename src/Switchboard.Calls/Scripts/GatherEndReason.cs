namespace Switchboard.Calls.Scripts;

/// <summary>Why a gather stopped listening.</summary>
public enum GatherEndReason
{
    MaxDigits,
    Terminator,
    Timeout,
}
