using System.Text.Json;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.Common;
using Switchboard.Storage.PhoneNumbers;

namespace Switchboard.Api.V1.PhoneNumbers;

/// <summary>
/// Reads a phone number body onto a record: <c>number</c> (required when creating) is digits with an optional
/// leading <c>+</c>; <c>application_sid</c>, <c>callback_url</c> and <c>voip_carrier_sid</c> are optional, and null
/// clears them. A number is answered by an application or by a callback URL (the event/action dialect), so the two
/// may not both be set once the body is applied: switching on PUT sends the one and null for the other.
/// Whether the referenced sids exist is the endpoint's check.
/// </summary>
public static class PhoneNumberReader
{
    private const int MaxDigits = 32;
    private const int MaxSidLength = 64;
    private const int MaxUrlLength = 2048;

    public static PhoneNumberRecord Blank(string accountSid, DateTimeOffset createdAt) =>
        new(Guid.NewGuid().ToString(), accountSid, string.Empty, null, null, createdAt);

    /// <exception cref="ValidationException">A field is missing or invalid.</exception>
    public static PhoneNumberRecord Read(JsonElement body, PhoneNumberRecord current, bool creating)
    {
        var number = current with
        {
            Number = creating || V1Fields.Has(body, "number") ? Number(JsonFields.RequireString(body, "number", "number")) : current.Number,
            ApplicationSid = V1Fields.Has(body, "application_sid") ? V1Fields.OptionalText(body, "application_sid", MaxSidLength) : current.ApplicationSid,
            CallbackUrl = V1Fields.Has(body, "callback_url") ? CallbackUrl(body) : current.CallbackUrl,
            VoipCarrierSid = V1Fields.Has(body, "voip_carrier_sid") ? V1Fields.OptionalText(body, "voip_carrier_sid", MaxSidLength) : current.VoipCarrierSid,
        };
        return number.ApplicationSid is not null && number.CallbackUrl is not null
            ? throw new ValidationException("callback_url", "a number is answered by an application or by a callback URL, not both")
            : number;
    }

    /// <summary>
    /// An absolute http(s) URL without user info: it is shown in every answer about the number, so a secret has no
    /// place in it.
    /// </summary>
    private static string? CallbackUrl(JsonElement body)
    {
        var text = V1Fields.OptionalText(body, "callback_url", MaxUrlLength);
        if (text is null)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new ValidationException("callback_url", "must be an absolute http or https URL");
        }

        return url.UserInfo.Length > 0 ? throw new ValidationException("callback_url", "must have no user info") : url.AbsoluteUri;
    }

    private static string Number(string number)
    {
        var digits = number.StartsWith('+') ? number.AsSpan(1) : number.AsSpan();
        return digits.Length is > 0 and <= MaxDigits && !digits.ContainsAnyExceptInRange('0', '9')
            ? number
            : throw new ValidationException("number", $"must be a phone number: 1 to {MaxDigits} digits, optionally with a leading +");
    }
}
