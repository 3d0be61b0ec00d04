namespace Switchboard.Calls.Engine.Messages;

/// <summary>
/// A leg of the running <c>dial</c> has its final status; <paramref name="Leg"/> is null when it could not even be
/// placed (no route, no media port).
/// </summary>
internal sealed record DialLegEnded(int Generation, IDialLeg? Leg, CallStatus Status, int? SipStatus, string? Reason) : VerbStepMessage(Generation);
