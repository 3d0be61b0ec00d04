using Switchboard.Storage.Clients;

namespace Switchboard.Api.V1.Clients;

/// <summary>A SIP client as <c>GET .../Clients</c> shows it; the password is write-only.</summary>
public sealed record ClientResponse(string ClientSid, string AccountSid, string Username, string Realm, DateTimeOffset CreatedAt)
{
    public static ClientResponse From(ClientRecord client) =>
        new(client.Sid, client.AccountSid, client.Username, client.Realm, client.CreatedAt);
}
