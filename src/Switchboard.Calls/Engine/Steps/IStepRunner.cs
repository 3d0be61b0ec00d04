using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Engine.Steps;

/// <summary>What a running step asks of the runner that started it. Loop only.</summary>
internal interface IStepRunner
{
    /// <summary>The speech settings prompts are rendered with now (a <c>config</c> verb changes them).</summary>
    SpeechDefaults Speech { get; set; }

    /// <summary>The recognizer options gathers and transcriptions inherit now (a <c>config</c> verb changes them).</summary>
    RecognizerOptions Recognizer { get; set; }

    /// <summary>Where a transfer the peer asks for is posted (<c>config.referHook</c>); null: such transfers are refused.</summary>
    string? ReferHook { get; set; }

    /// <summary>Where the requests the peer sends inside the dialog are posted (<c>config.sipRequestWithinDialogHook</c>); null: nowhere.</summary>
    string? PeerRequestHook { get; set; }

    /// <summary>Keys pressed while no gather listened, kept for the next one.</summary>
    TypeAheadKeys TypeAhead { get; }

    /// <summary>The call's background verbs a <c>config</c> starts and stops; null where none may start (in a background verb).</summary>
    BackgroundSteps? Background { get; }

    /// <summary><paramref name="step"/> is done: the next verb in the queue runs.</summary>
    void Complete(VerbStep step);

    /// <summary>
    /// <paramref name="step"/> ended with <paramref name="result"/>: the script's answer decides what runs next. A
    /// <see cref="RedirectResult"/> drops the queue, so only the answer runs.
    /// </summary>
    void Report(VerbStep step, VerbResult result);

    /// <summary><paramref name="step"/>'s work brought <paramref name="verbs"/> that replace it and all others (a dialled leg's answering-machine hook answered).</summary>
    void Replace(VerbStep step, IReadOnlyList<Verb> verbs);

    /// <summary>A key interrupted <paramref name="step"/>'s prompt: it is kept for the next gather, and the verbs before that gather are skipped.</summary>
    void BargeIn(VerbStep step, char key);
}
