using Switchboard.Storage.Accounts;

namespace Switchboard.Api.V1.Accounts;

/// <summary>An account as <c>GET /v1/Accounts</c> shows it.</summary>
public sealed record AccountResponse(string AccountSid, string Name, DateTimeOffset CreatedAt)
{
    public static AccountResponse From(AccountRecord account) => new(account.Sid, account.Name, account.CreatedAt);
}
