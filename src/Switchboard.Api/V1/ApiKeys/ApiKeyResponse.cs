using Switchboard.Storage.Accounts;

namespace Switchboard.Api.V1.ApiKeys;

/// <summary>A key as listed: never its token. <paramref name="Scope"/> is <c>account</c> or <c>admin</c>.</summary>
public sealed record ApiKeyResponse(string ApiKeySid, string AccountSid, string Scope, DateTimeOffset CreatedAt)
{
    public static ApiKeyResponse From(ApiKeyRecord key) =>
        new(key.Sid, key.AccountSid, ApiKeyScopes.Name(key.Scope), key.CreatedAt);
}
