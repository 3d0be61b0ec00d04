using Switchboard.Storage.Accounts;

namespace Switchboard.Api.V1.ApiKeys;

/// <summary>The API's names for <see cref="ApiKeyScope"/>s.</summary>
public static class ApiKeyScopes
{
    public const string Account = "account";
    public const string Admin = "admin";

    public static string Name(ApiKeyScope scope) => scope == ApiKeyScope.Admin ? Admin : Account;
}
