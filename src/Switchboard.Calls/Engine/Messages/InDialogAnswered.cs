namespace Switchboard.Calls.Engine.Messages;

/// <summary>A request a step sent inside the call's dialog (<c>sip:request</c>, <c>sip:refer</c>'s REFER) has its answer.</summary>
internal sealed record InDialogAnswered(int Generation, InDialogAnswer Answer) : VerbStepMessage(Generation);
