namespace Switchboard.Calls.Engine.Messages;

/// <summary>
/// A piece of the loop's background work (<see cref="CallWork"/>) has ended; <paramref name="Outcome"/>, when
/// there is one, is handled as if it had arrived by itself.
/// </summary>
internal sealed record WorkEnded(long WorkId, CallMessage? Outcome) : CallMessage;
