namespace Switchboard.Calls.Verbs;

/// <summary>Asks <paramref name="ActionHook"/> for new verbs, which replace everything still queued.</summary>
public sealed record RedirectVerb(string ActionHook) : Verb
{
    public override string Name => "redirect";
}
