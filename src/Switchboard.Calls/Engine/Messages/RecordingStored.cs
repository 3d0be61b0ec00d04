using Switchboard.Calls.Engine.Steps;
using Switchboard.Calls.Scripts;

namespace Switchboard.Calls.Engine.Messages;

/// <summary>A <c>record</c> verb's file is stored (or could not be): <paramref name="Result"/> is what its action hook hears.</summary>
internal sealed record RecordingStored(VerbStep Step, RecordResult Result) : StepWorkMessage(Step);
