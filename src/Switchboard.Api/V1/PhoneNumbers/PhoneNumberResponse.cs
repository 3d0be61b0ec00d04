using Switchboard.Storage.PhoneNumbers;

namespace Switchboard.Api.V1.PhoneNumbers;

/// <summary>A phone number as <c>GET .../PhoneNumbers</c> shows it.</summary>
public sealed record PhoneNumberResponse(
    string PhoneNumberSid, string AccountSid, string Number, string? ApplicationSid, string? CallbackUrl, string? VoipCarrierSid, DateTimeOffset CreatedAt)
{
    public static PhoneNumberResponse From(PhoneNumberRecord number) => new(
        number.Sid, number.AccountSid, number.Number, number.ApplicationSid, number.CallbackUrl, number.VoipCarrierSid, number.CreatedAt);
}
