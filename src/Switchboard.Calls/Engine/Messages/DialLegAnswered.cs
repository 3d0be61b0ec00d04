namespace Switchboard.Calls.Engine.Messages;

/// <summary>A leg of the running <c>dial</c> answered.</summary>
internal sealed record DialLegAnswered(int Generation, IDialLeg Leg) : VerbStepMessage(Generation);
