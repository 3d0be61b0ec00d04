using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Engine.Steps;

/// <summary>
/// <c>alert</c>: a 180 with Alert-Info while the call still rings. It must not answer the call, and once the call is
/// answered (or was placed by us) there is no provisional response left to send, so it then does nothing.
/// </summary>
internal sealed class AlertStep(AlertVerb alert, StepScope scope) : VerbStep(scope)
{
    public override bool NeedsMedia => false;

    public override void Start()
    {
        Services.Host.Alert(alert.AlertInfo);
        Runner.Complete(this);
    }
}
