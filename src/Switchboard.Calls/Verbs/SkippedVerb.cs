namespace Switchboard.Calls.Verbs;

/// <summary>
/// A verb, or an option of one, that the dialect defines but this server cannot run yet. It is skipped and the call
/// records a warning naming it, so an application written for another platform keeps running (as jambonz itself
/// goes on past what a vendor does not support) instead of failing the whole call; a malformed verb still fails.
/// </summary>
/// <param name="Subject">What was skipped, as the application wrote it: <c>listen</c>, <c>config.record</c>.</param>
/// <param name="Reason">Why, for the call's warnings: "not supported by this server yet".</param>
public sealed record SkippedVerb(string Subject, string Reason) : Verb
{
    /// <summary>What was skipped, so events and logs name it as the application wrote it.</summary>
    public override string Name => Subject;
}
