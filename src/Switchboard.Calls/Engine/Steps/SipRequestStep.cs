using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Engine.Steps;

/// <summary>
/// <c>sip:request</c>: sends its request inside the call's dialog and reports the answer (or the failure that left
/// none) to the script, whose answer decides what runs next. The call is answered first: there is no dialog before.
/// </summary>
internal sealed class SipRequestStep(SipRequestVerb verb, StepScope scope) : VerbStep(scope)
{
    public override void Start()
    {
        var host = Services.Host;
        var generation = Generation;
        var request = verb.Request;
        Services.Work.Run(
            async token => new InDialogAnswered(generation, await host.SendInDialogAsync(request, token).ConfigureAwait(false)),
            error => new InDialogAnswered(generation, new InDialogAnswer(500, "Server Internal Error", error.Message)));
    }

    public override void OnMessage(VerbStepMessage message)
    {
        if (message is InDialogAnswered { Answer: var answer })
        {
            StepLog.InDialogAnswered(Services.Logger, Services.CallSid, verb.Request.Method, answer.SipStatus, answer.Reason);
            Runner.Report(this, new SipRequestResult(verb, answer));
        }
    }
}
