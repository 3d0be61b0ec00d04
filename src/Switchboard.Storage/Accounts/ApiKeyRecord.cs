namespace Switchboard.Storage.Accounts;

/// <summary>An API key as stored: never the token itself, which is shown once when the key is created.</summary>
public sealed record ApiKeyRecord(string Sid, string AccountSid, ApiKeyScope Scope, DateTimeOffset CreatedAt);
