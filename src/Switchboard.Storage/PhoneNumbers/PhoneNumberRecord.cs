namespace Switchboard.Storage.PhoneNumbers;

/// <summary>
/// A number Switchboard answers: inbound calls to <see cref="Number"/> run <see cref="ApplicationSid"/>, or, when
/// <see cref="CallbackUrl"/> is set instead, are driven one event at a time by that URL (the event/action dialect).
/// Numbers are unique across the server (an INVITE names a number, not an account). <see cref="VoipCarrierSid"/>,
/// when set, is the only carrier the number is reachable through.
/// </summary>
public sealed record PhoneNumberRecord(
    string Sid,
    string AccountSid,
    string Number,
    string? ApplicationSid,
    string? VoipCarrierSid,
    DateTimeOffset CreatedAt)
{
    /// <summary>
    /// The http(s) URL every event of an inbound call to the number is posted to, and whose answers are the call's
    /// actions. A number has this or <see cref="ApplicationSid"/>, not both (the API's check).
    /// </summary>
    public string? CallbackUrl { get; init; }
}
