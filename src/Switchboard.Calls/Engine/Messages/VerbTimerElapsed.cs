namespace Switchboard.Calls.Engine.Messages;

internal sealed record VerbTimerElapsed(int Generation) : VerbStepMessage(Generation);
