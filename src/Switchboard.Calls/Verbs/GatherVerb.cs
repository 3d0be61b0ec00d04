namespace Switchboard.Calls.Verbs;

/// <summary>
/// Collects keys. Input ends when <paramref name="MaxDigits"/> keys are in, on <c>#</c> when
/// <paramref name="FinishOnHash"/>, or when <paramref name="Timeout"/> passes without a key
/// (it restarts on every key). The result goes to the script source with <paramref name="ActionHook"/>.
/// </summary>
public sealed record GatherVerb(int MaxDigits, bool FinishOnHash, TimeSpan Timeout, string? ActionHook) : Verb
{
    public override string Name => "gather";
}
