namespace Switchboard.Storage.Accounts;

/// <summary>A key just created, with the only copy of its token the server will ever hold in clear.</summary>
public sealed record CreatedApiKey(ApiKeyRecord Key, string Token);
