namespace Switchboard.Calls.Verbs;

/// <summary>
/// jambonz <c>alert</c>: rings an inbound call not yet answered with a 180 carrying <paramref name="AlertInfo"/> as its
/// Alert-Info header (RFC 3261 §20.4), so the caller's phone can play a distinctive ringback.
/// </summary>
public sealed record AlertVerb(string AlertInfo) : Verb
{
    public override string Name => "alert";
}
