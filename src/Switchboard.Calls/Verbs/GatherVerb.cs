namespace Switchboard.Calls.Verbs;

/// <summary>
/// Collects keys. Input ends when <paramref name="MaxDigits"/> keys are in, on <paramref name="FinishOnKey"/>,
/// or when no key comes in time: <paramref name="Timeout"/> for the first key (counted from the end of the
/// prompt), <see cref="InterDigitTimeout"/> between keys. The result goes to the script source with
/// <paramref name="ActionHook"/>.
/// </summary>
public sealed record GatherVerb(int MaxDigits, char? FinishOnKey, TimeSpan Timeout, string? ActionHook) : Verb
{
    public override string Name => "gather";

    /// <summary>Fewer keys than this before the terminator are still reported, with the reason the input ended.</summary>
    public int MinDigits { get; init; } = 1;

    /// <summary>The wait between keys; <see cref="Timeout"/> when null.</summary>
    public TimeSpan? InterDigitTimeout { get; init; }

    /// <summary>A <see cref="SayVerb"/> or <see cref="PlayVerb"/> played while the gather already listens.</summary>
    public Verb? Prompt { get; init; }

    /// <summary>Whether a key stops the prompt (jambonz <c>dtmfBargein</c>).</summary>
    public bool PromptBargeIn { get; init; } = true;
}
