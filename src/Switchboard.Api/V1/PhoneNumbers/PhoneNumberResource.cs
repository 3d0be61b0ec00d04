using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.Common;
using Switchboard.Storage.Applications;
using Switchboard.Storage.Carriers;
using Switchboard.Storage.PhoneNumbers;

namespace Switchboard.Api.V1.PhoneNumbers;

/// <summary>
/// <c>.../PhoneNumbers</c>. A number is unique across the server (an INVITE names a number, not an account):
/// a taken number is a 409 naming <c>number</c>. The application and carrier must be the account's own. A number
/// with a <c>callback_url</c> instead of an application is answered through the event/action API.
/// </summary>
public sealed class PhoneNumberResource() : EditableAccountResource<PhoneNumberRecord, PhoneNumberBody, PhoneNumberResponse>("PhoneNumbers", "phone_number_sid", "phone number")
{
    protected override (string? Field, string Detail) WriteConflict => ("number", "this number is already in use");

    protected override string DeleteConflict => "the number could not be deleted";

    protected override JsonTypeInfo<PhoneNumberResponse> ItemJson => V1JsonContext.Default.PhoneNumberResponse;

    protected override JsonTypeInfo<PhoneNumberResponse[]> PageJson => V1JsonContext.Default.PhoneNumberResponseArray;

    protected override PhoneNumberRecord Blank(string accountSid, DateTimeOffset createdAt) => PhoneNumberReader.Blank(accountSid, createdAt);

    protected override string SidOf(PhoneNumberRecord record) => record.Sid;

    protected override PhoneNumberResponse Respond(HttpContext context, PhoneNumberRecord record) => PhoneNumberResponse.From(record);

    /// <exception cref="ValidationException">
    /// A field is invalid, the number would have both an application and a callback URL, or the application or
    /// carrier is not the account's.
    /// </exception>
    protected override async Task<PhoneNumberRecord> ReadAsync(HttpContext context, JsonElement body, PhoneNumberRecord current, bool creating, CancellationToken cancellationToken)
    {
        var number = PhoneNumberReader.Read(body, current, creating);
        if (number.ApplicationSid is { } applicationSid
            && await context.RequestServices.GetRequiredService<IApplicationStore>().FindAsync(number.AccountSid, applicationSid, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new ValidationException("application_sid", "no such application in this account");
        }

        if (number.VoipCarrierSid is { } carrierSid
            && await context.RequestServices.GetRequiredService<IVoipCarrierStore>().FindAsync(number.AccountSid, carrierSid, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new ValidationException("voip_carrier_sid", "no such carrier in this account");
        }

        return number;
    }

    protected override ResourceStore<PhoneNumberRecord> StoreOf(HttpContext context)
    {
        var numbers = context.RequestServices.GetRequiredService<IPhoneNumberStore>();
        return new(numbers.FindAsync, numbers.ListAsync, numbers.CreateAsync, numbers.UpdateAsync, numbers.DeleteAsync);
    }
}
