using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Api.V1.Common;
using Switchboard.Storage;
using Switchboard.Storage.Applications;

namespace Switchboard.Api.V1.Applications;

/// <summary>
/// <c>.../Applications</c>. Deleting an application a phone number still routes to is refused with 409: the
/// number must be pointed elsewhere (or deleted) first, so no inbound call finds a number without an application.
/// </summary>
public sealed class ApplicationResource() : EditableAccountResource<ApplicationRecord, ApplicationBody, ApplicationResponse>("Applications", "application_sid", "application")
{
    protected override string DeleteConflict => "a phone number still routes to this application; point it elsewhere or delete it first";

    protected override JsonTypeInfo<ApplicationResponse> ItemJson => V1JsonContext.Default.ApplicationResponse;

    protected override JsonTypeInfo<ApplicationResponse[]> PageJson => V1JsonContext.Default.ApplicationResponseArray;

    protected override ApplicationRecord Blank(string accountSid, DateTimeOffset createdAt) => ApplicationReader.Blank(accountSid, createdAt);

    protected override string SidOf(ApplicationRecord record) => record.Sid;

    protected override ApplicationResponse Respond(HttpContext context, ApplicationRecord record) => ApplicationResponse.From(record);

    protected override Task<ApplicationRecord> ReadAsync(HttpContext context, JsonElement body, ApplicationRecord current, bool creating, CancellationToken cancellationToken) =>
        Task.FromResult(ApplicationReader.Read(body, current, creating));

    protected override ResourceStore<ApplicationRecord> StoreOf(HttpContext context)
    {
        var applications = context.RequestServices.GetRequiredService<IApplicationStore>();
        return new(applications.FindAsync, applications.ListAsync, CreateAsync, applications.UpdateAsync, applications.DeleteAsync);

        // Applications have no unique field: a create always goes through.
        async Task<WriteOutcome> CreateAsync(ApplicationRecord application, CancellationToken cancellationToken)
        {
            await applications.CreateAsync(application, cancellationToken).ConfigureAwait(false);
            return WriteOutcome.Done;
        }
    }
}
