using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Engine.Steps;

/// <summary>
/// A <c>pause</c>: silence for its duration, on the call's verb timer. A barge-in pause hands a key to the runner as a
/// barge-in prompt does: kept for the next gather, which runs at once.
/// </summary>
internal sealed class PauseStep(PauseVerb pause, StepScope scope) : VerbStep(scope)
{
    public override void Start() => Services.Timer.Arm(pause.Duration, new VerbTimerElapsed(Generation));

    public override void OnDigit(char key)
    {
        if (pause.BargeIn)
        {
            Runner.BargeIn(this, key);
            return;
        }

        base.OnDigit(key);
    }

    public override void OnMessage(VerbStepMessage message)
    {
        if (message is VerbTimerElapsed)
        {
            Runner.Complete(this);
        }
    }

    public override void Leave() => Services.Timer.Disarm();
}
