using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Api.V1.Common;
using Switchboard.Storage.Clients;

namespace Switchboard.Api.V1.Clients;

/// <summary><c>.../Clients</c>: SIP users that register to Switchboard; a taken username is a 409 naming <c>username</c>.</summary>
public sealed class ClientResource() : EditableAccountResource<ClientRecord, ClientBody, ClientResponse>("Clients", "client_sid", "client")
{
    protected override (string? Field, string Detail) WriteConflict => ("username", "this username is already in use");

    protected override JsonTypeInfo<ClientResponse> ItemJson => V1JsonContext.Default.ClientResponse;

    protected override JsonTypeInfo<ClientResponse[]> PageJson => V1JsonContext.Default.ClientResponseArray;

    protected override ClientRecord Blank(string accountSid, DateTimeOffset createdAt) => ClientReader.Blank(accountSid, createdAt);

    protected override string SidOf(ClientRecord record) => record.Sid;

    protected override ClientResponse Respond(HttpContext context, ClientRecord record) => ClientResponse.From(record);

    protected override Task<ClientRecord> ReadAsync(HttpContext context, JsonElement body, ClientRecord current, bool creating, CancellationToken cancellationToken) =>
        Task.FromResult(ClientReader.Read(body, current, creating, context.RequestServices.GetRequiredService<ClientDigestOptions>()));

    protected override ResourceStore<ClientRecord> StoreOf(HttpContext context)
    {
        var clients = context.RequestServices.GetRequiredService<IClientStore>();
        return new(clients.FindAsync, clients.ListAsync, clients.CreateAsync, clients.UpdateAsync, clients.DeleteAsync);
    }
}
