using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Engine.Steps;

/// <summary>The registration of every verb's step: adding a verb adds its step type and one line here.</summary>
internal static class VerbSteps
{
    /// <summary>The step that runs <paramref name="verb"/>; null for a verb this engine cannot run.</summary>
    public static VerbStep? Create(Verb verb, StepScope scope) => verb switch
    {
        SayVerb say => PromptStep.For(say, scope),
        PlayVerb play => PromptStep.For(play, scope),
        AnnounceVerb announce => new AnnounceStep(announce, scope),
        PauseVerb pause => new PauseStep(pause, scope),
        GatherVerb gather => new GatherStep(gather, scope),
        TranscribeVerb transcribe => new TranscribeStep(transcribe, scope),
        ListenVerb listen => new ListenStep(listen, scope),
        DtmfVerb dtmf => new DtmfStep(dtmf, scope),
        RecordVerb record => new RecordStep(record, scope),
        DialVerb dial => new DialStep(dial, scope),
        TagVerb tag => new TagStep(tag, scope),
        ConfigVerb config => new ConfigStep(config, scope),
        AnswerVerb => new AnswerStep(scope),
        HangupVerb => new HangupStep(scope),
        RedirectVerb redirect => new RedirectStep(redirect, scope),
        RejectVerb reject => new RejectStep(reject, scope),
        AlertVerb alert => new AlertStep(alert, scope),
        SipRequestVerb request => new SipRequestStep(request, scope),
        ReferVerb refer => new ReferStep(refer, scope),
        SkippedVerb skipped => new SkipStep(skipped, scope),
        _ => null,
    };
}
