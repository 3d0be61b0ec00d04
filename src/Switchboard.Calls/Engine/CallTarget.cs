namespace Switchboard.Calls.Engine;

/// <summary>
/// Whom to call: a phone number (routed through <see cref="Carrier"/>, or the server's default carrier when
/// null), a SIP URI dialled directly, or a registered SIP client by user name.
/// </summary>
public sealed record CallTarget(CallTargetKind Kind, string Address)
{
    public CarrierRoute? Carrier { get; init; }

    /// <summary>
    /// The carrier the request named for a phone number, before the dialect resolved it to <see cref="Carrier"/>;
    /// the engine routes only by <see cref="Carrier"/>.
    /// </summary>
    public string? TrunkName { get; init; }

    /// <summary>For a <c>dial</c> target: its own confirmation hook, which replaces the dial's (<see cref="Verbs.DialVerb.ConfirmHook"/>).</summary>
    public string? ConfirmHook { get; init; }

    public static CallTarget Phone(string number) => new(CallTargetKind.Phone, number);

    public static CallTarget Sip(string uri) => new(CallTargetKind.Sip, uri);

    public static CallTarget User(string name) => new(CallTargetKind.User, name);
}
