namespace Switchboard.Calls.Verbs;

/// <summary>Ends the call.</summary>
public sealed record HangupVerb : Verb
{
    public override string Name => "hangup";
}
