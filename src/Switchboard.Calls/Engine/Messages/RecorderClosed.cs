using Switchboard.Calls.Engine.Steps;
using Switchboard.Media.Recording;

namespace Switchboard.Calls.Engine.Messages;

/// <summary>A <c>record</c> verb's recorder has closed its file with <paramref name="Outcome"/>.</summary>
internal sealed record RecorderClosed(VerbStep Step, RecordingResult Outcome) : StepWorkMessage(Step);
