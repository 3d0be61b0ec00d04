using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Engine.Steps;

/// <summary>
/// <c>config.transcribe</c>: a <see cref="TranscribeStep"/> beside the call's verbs, posting each utterance to its
/// transcription hook as the <c>transcribe</c> verb does, until the call ends or a later <c>config</c> stops it.
/// </summary>
internal sealed class BackgroundTranscription(TranscribeVerb transcribe, StepServices services, IStepRunner foreground, Func<int> issueGeneration)
    : BackgroundVerb(services, foreground, issueGeneration)
{
    public TranscribeVerb Verb => transcribe;

    public void Start() => Run(scope => new TranscribeStep(transcribe, scope));

    /// <summary>A transcription ends only when it cannot start (no media, a script that takes no transcripts).</summary>
    public override void Complete(VerbStep step)
    {
        if (ReferenceEquals(step, Step))
        {
            LeaveStep();
            IsOver = true;
        }
    }

    public override void Report(VerbStep step, VerbResult result)
    {
    }
}
