namespace Switchboard.Calls.Engine.Messages;

/// <summary>
/// A message for the verb runner, stamped with the generation of the verb that asked for it, so a late
/// answer for a verb that was already left behind (barge-in, hangup) is recognised and dropped.
/// </summary>
internal abstract record VerbStepMessage(int Generation) : CallMessage;
