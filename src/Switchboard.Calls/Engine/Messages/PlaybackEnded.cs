namespace Switchboard.Calls.Engine.Messages;

internal sealed record PlaybackEnded(int Generation) : VerbStepMessage(Generation);
