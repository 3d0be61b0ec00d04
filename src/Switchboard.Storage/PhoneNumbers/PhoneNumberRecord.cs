namespace Switchboard.Storage.PhoneNumbers;

/// <summary>
/// A number Switchboard answers: inbound calls to <see cref="Number"/> run <see cref="ApplicationSid"/>.
/// Numbers are unique across the server (an INVITE names a number, not an account). <see cref="VoipCarrierSid"/>,
/// when set, is the only carrier the number is reachable through.
/// </summary>
public sealed record PhoneNumberRecord(
    string Sid,
    string AccountSid,
    string Number,
    string? ApplicationSid,
    string? VoipCarrierSid,
    DateTimeOffset CreatedAt);
