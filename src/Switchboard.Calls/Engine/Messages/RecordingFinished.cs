using Switchboard.Calls.Scripts;

namespace Switchboard.Calls.Engine.Messages;

/// <summary>A <c>record</c> verb's file is closed and stored: <paramref name="Result"/> goes to its action hook.</summary>
internal sealed record RecordingFinished(int Generation, RecordResult Result) : VerbStepMessage(Generation);
