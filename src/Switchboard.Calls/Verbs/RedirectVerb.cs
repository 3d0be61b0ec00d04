namespace Switchboard.Calls.Verbs;

/// <summary>Asks <paramref name="ActionHook"/> for new verbs, which replace everything still queued.</summary>
public sealed record RedirectVerb(string ActionHook) : Verb
{
    public override string Name => "redirect";

    /// <summary>Where the call's status changes go from now on (jambonz <c>statusHook</c>); null keeps the call's own.</summary>
    public string? StatusHook { get; init; }
}
