namespace Switchboard.Calls.Verbs;

/// <summary>Sends keys to the far end as RFC 4733 events, each lasting <paramref name="Duration"/>.</summary>
public sealed record DtmfVerb(string Digits, TimeSpan Duration) : Verb
{
    public override string Name => "dtmf";
}
