using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;
using Switchboard.Sip.Messages;

namespace Switchboard.Calls.Engine.Steps;

// The verbs that act once and are done, kept together so the whole set reads on one screen. Each is still its own
// step type, registered like any other in VerbSteps.

/// <summary><c>tag</c>: replaces the call's application data, which every later event carries.</summary>
internal sealed class TagStep(TagVerb tag, StepScope scope) : VerbStep(scope)
{
    public override bool NeedsMedia => false;

    public override void Start()
    {
        Services.Host.SetTag(tag.Data);
        Runner.Complete(this);
    }
}

/// <summary>
/// <c>config</c>: changes the speech settings of the verbs that follow, then starts or stops the call's background
/// work with them (a barge-in gather, a transcription, answering-machine detection). Only a config that starts
/// listening needs the call answered.
/// </summary>
internal sealed class ConfigStep(ConfigVerb config, StepScope scope) : VerbStep(scope)
{
    public override bool NeedsMedia => config.StartsListening;

    public override void Start()
    {
        if (config.Synthesizer is { } synthesizer)
        {
            Runner.Speech = Runner.Speech.With(synthesizer);
        }

        Runner.Recognizer = Runner.Recognizer.With(config.Recognizer);
        Runner.ReferHook = config.ReferHook ?? Runner.ReferHook;
        if (config.PeerRequestHook is { } peerRequestHook)
        {
            Runner.PeerRequestHook = peerRequestHook;
            Services.Host.ForwardPeerRequests();
        }
        Runner.Background?.Apply(config);
        if (config.Amd is { } amd)
        {
            StartAmd(amd);
        }

        if (config.Record is { } record)
        {
            Services.Host.ControlRecording(record);
        }

        Runner.Complete(this);
    }

    private void StartAmd(AmdConfig amd)
    {
        if (Services.Script is not IAmdHooks hooks)
        {
            Services.Host.ReportVerbFailed(config, "config.amd: this call's script cannot receive answering-machine events");
            return;
        }

        Services.Host.StartAmd(new AmdSettings(amd.Options, new ScriptAmdHook(hooks, amd.ActionHook))
        {
            Recognizer = amd.Recognizer is null ? null : Runner.Recognizer.With(amd.Recognizer),
        });
    }
}

/// <summary>A verb this server cannot run yet: recorded as the call's warning, and the script goes on.</summary>
internal sealed class SkipStep(SkippedVerb skipped, StepScope scope) : VerbStep(scope)
{
    public override bool NeedsMedia => false;

    public override void Start()
    {
        Services.Host.ReportVerbFailed(skipped, skipped.Reason);
        Runner.Complete(this);
    }
}

/// <summary><c>answer</c>: answers a ringing inbound call (the runner answers before any step that needs media).</summary>
internal sealed class AnswerStep(StepScope scope) : VerbStep(scope)
{
    public override void Start() => Runner.Complete(this);
}

/// <summary><c>hangup</c>: ends the call.</summary>
internal sealed class HangupStep(StepScope scope) : VerbStep(scope)
{
    public override bool NeedsMedia => false;

    public override void Start() => Services.Host.EndCall("hangup verb", failed: false);
}

/// <summary><c>redirect</c>: the verbs its hook answers replace all others.</summary>
internal sealed class RedirectStep(RedirectVerb redirect, StepScope scope) : VerbStep(scope)
{
    public override bool NeedsMedia => false;

    public override void Start() => Runner.Report(this, new RedirectResult(redirect));
}

/// <summary><c>sip:decline</c>: refuses a call not yet answered with its SIP status; hangs up any other.</summary>
internal sealed class RejectStep(RejectVerb reject, StepScope scope) : VerbStep(scope)
{
    public override bool NeedsMedia => false;

    public override void Start() => Services.Host.Decline(reject.Status, reject.Reason ?? SipReasonPhrases.For(reject.Status), reject.Headers);
}
