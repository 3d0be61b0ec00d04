namespace Switchboard.Calls.Verbs;

/// <summary>
/// Refuses an inbound call that is not answered yet with a SIP final response (jambonz <c>sip:decline</c>);
/// on a call already answered it hangs up.
/// </summary>
public sealed record RejectVerb(int Status, string? Reason) : Verb
{
    public override string Name => "reject";
}
