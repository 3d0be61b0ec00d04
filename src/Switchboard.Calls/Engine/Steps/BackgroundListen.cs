using Switchboard.Calls.Engine.Streams;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Engine.Steps;

/// <summary>
/// <c>config.listen</c>: a <see cref="ListenStep"/> beside the call's verbs, streaming until the agent ends it, the call
/// ends, or a later <c>config</c> stops it. Its result goes to its action hook for the application's sake; the answer
/// is not run, since the verbs in the foreground are the application's.
/// </summary>
internal sealed class BackgroundListen(ListenVerb listen, StepServices services, IStepRunner foreground, Func<int> issueGeneration)
    : BackgroundVerb(services, foreground, issueGeneration)
{
    private bool _paused;

    public void Start() => Run(scope => new ListenStep(listen, scope) { Paused = _paused });

    /// <summary>Live control (<c>listen_status</c>): while paused the agent hears nothing.</summary>
    public void Pause(bool paused)
    {
        _paused = paused;
        if (Step is ListenStep step)
        {
            step.Paused = paused;
        }
    }

    /// <summary>A key the caller pressed: the stream passes it on or finishes on it, as its verb says.</summary>
    public void OnDigit(char key) => Step?.OnDigit(key);

    public override void Complete(VerbStep step) => End(step);

    public override void Report(VerbStep step, VerbResult result)
    {
        if (listen.ActionHook is not null)
        {
            var logger = Services.Logger;
            var callSid = Services.CallSid;
            LateResults.Deliver(Services, Services.Host.Snapshot(), result, error => StreamLog.HookFailed(logger, callSid, error));
        }

        End(step);
    }

    private void End(VerbStep step)
    {
        if (ReferenceEquals(step, Step))
        {
            LeaveStep();
            IsOver = true;
        }
    }
}
