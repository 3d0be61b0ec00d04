namespace Switchboard.Calls.Engine;

/// <summary>Whom to call: a phone number (routed through a carrier) or a SIP URI dialled directly.</summary>
public sealed record CallTarget(CallTargetKind Kind, string Address)
{
    public static CallTarget Phone(string number) => new(CallTargetKind.Phone, number);

    public static CallTarget Sip(string uri) => new(CallTargetKind.Sip, uri);
}
