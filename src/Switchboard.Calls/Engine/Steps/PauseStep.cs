using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Engine.Steps;

/// <summary>A <c>pause</c>: silence for its duration, on the call's verb timer.</summary>
internal sealed class PauseStep(PauseVerb pause, StepScope scope) : VerbStep(scope)
{
    public override void Start() => Services.Timer.Arm(pause.Duration, new VerbTimerElapsed(Generation));

    public override void OnMessage(VerbStepMessage message)
    {
        if (message is VerbTimerElapsed)
        {
            Runner.Complete(this);
        }
    }

    public override void Leave() => Services.Timer.Disarm();
}
