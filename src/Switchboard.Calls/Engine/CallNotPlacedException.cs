namespace Switchboard.Calls.Engine;

/// <summary>The call was refused before any INVITE left (no free media port, an unusable target); it is stored as failed.</summary>
public sealed class CallNotPlacedException(string message, Exception inner) : Exception(message, inner);
