using Switchboard.Calls.Engine;

namespace Switchboard.Calls.Verbs;

/// <summary>
/// Sends <paramref name="Request"/> inside the call's dialog and waits for its final answer, which goes to the
/// script source with <paramref name="ActionHook"/> (jambonz <c>sip:request</c>). The call is answered first.
/// </summary>
public sealed record SipRequestVerb(InDialogRequest Request, string? ActionHook) : Verb
{
    public override string Name => "sip:request";
}
