namespace Switchboard.Calls.Verbs;

/// <summary>
/// Collects keys, speech or both. Key input ends when <paramref name="MaxDigits"/> keys are in, on <paramref name="FinishOnKey"/>,
/// or when no key comes in time: <paramref name="Timeout"/> for the first key (counted from the end of the
/// prompt; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none), <see cref="InterDigitTimeout"/> between keys. The result goes to the script source with
/// <paramref name="ActionHook"/>.
/// With <see cref="Speech"/> the gather also listens: the first utterance, recognised, ends it, and so does the
/// first key (keys and words are not mixed in one answer).
/// </summary>
public sealed record GatherVerb(int MaxDigits, char? FinishOnKey, TimeSpan Timeout, string? ActionHook) : Verb
{
    public override string Name => "gather";

    /// <summary>Fewer keys than this before the terminator are still reported, with the reason the input ended.</summary>
    public int MinDigits { get; init; } = 1;

    /// <summary>The wait between keys; <see cref="Timeout"/> when null.</summary>
    public TimeSpan? InterDigitTimeout { get; init; }

    /// <summary>A <see cref="SayVerb"/>, <see cref="PlayVerb"/> or <see cref="AnnounceVerb"/> played while the gather already listens.</summary>
    public Verb? Prompt { get; init; }

    /// <summary>Whether a key stops the prompt (jambonz <c>dtmfBargein</c>).</summary>
    public bool PromptBargeIn { get; init; } = true;

    /// <summary>Whether keys are input (jambonz <c>input</c> holds <c>digits</c>); keys pressed otherwise are kept for later.</summary>
    public bool AcceptsDigits { get; init; } = true;

    /// <summary>Listens for speech with these options (jambonz <c>input</c> holds <c>speech</c>); null for keys only.</summary>
    public RecognizerOptions? Speech { get; init; }

    /// <summary>Whether the caller's speech stops the prompt (jambonz <c>bargein</c>).</summary>
    public bool SpeechBargeIn { get; init; }

    /// <summary>Where the words so far go while the caller speaks (jambonz <c>partialResultHook</c>); null for nowhere.</summary>
    public string? PartialResultHook { get; init; }

    /// <summary>Whether speech is heard while the prompt plays (jambonz <c>listenDuringPrompt</c>), or only after it.</summary>
    public bool ListenDuringPrompt { get; init; } = true;

    /// <summary>The longest utterance heard; a caller who keeps talking is cut there. The endpointer's default when null.</summary>
    public TimeSpan? SpeechLimit { get; init; }
}
