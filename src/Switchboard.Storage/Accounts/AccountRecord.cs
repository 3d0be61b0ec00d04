namespace Switchboard.Storage.Accounts;

/// <summary>A tenant: every API key, application and call belongs to exactly one account.</summary>
public sealed record AccountRecord(string Sid, string Name, DateTimeOffset CreatedAt);
