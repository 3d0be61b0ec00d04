using System.Text.Json;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.Common;
using Switchboard.Storage.PhoneNumbers;

namespace Switchboard.Api.V1.PhoneNumbers;

/// <summary>
/// Reads a phone number body onto a record: <c>number</c> (required when creating) is digits with an optional
/// leading <c>+</c>; <c>application_sid</c> and <c>voip_carrier_sid</c> are optional, and null clears them.
/// Whether the referenced sids exist is the endpoint's check.
/// </summary>
public static class PhoneNumberReader
{
    private const int MaxDigits = 32;
    private const int MaxSidLength = 64;

    public static PhoneNumberRecord Blank(string accountSid, DateTimeOffset createdAt) =>
        new(Guid.NewGuid().ToString(), accountSid, string.Empty, null, null, createdAt);

    /// <exception cref="ValidationException">A field is missing or invalid.</exception>
    public static PhoneNumberRecord Read(JsonElement body, PhoneNumberRecord current, bool creating) => current with
    {
        Number = creating || V1Fields.Has(body, "number") ? Number(JsonFields.RequireString(body, "number", "number")) : current.Number,
        ApplicationSid = V1Fields.Has(body, "application_sid") ? V1Fields.OptionalText(body, "application_sid", MaxSidLength) : current.ApplicationSid,
        VoipCarrierSid = V1Fields.Has(body, "voip_carrier_sid") ? V1Fields.OptionalText(body, "voip_carrier_sid", MaxSidLength) : current.VoipCarrierSid,
    };

    private static string Number(string number)
    {
        var digits = number.StartsWith('+') ? number.AsSpan(1) : number.AsSpan();
        return digits.Length is > 0 and <= MaxDigits && !digits.ContainsAnyExceptInRange('0', '9')
            ? number
            : throw new ValidationException("number", $"must be a phone number: 1 to {MaxDigits} digits, optionally with a leading +");
    }
}
