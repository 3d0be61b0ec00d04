namespace Switchboard.Storage.Accounts;

/// <summary>What a key may touch.</summary>
public enum ApiKeyScope
{
    /// <summary>Only its own account's resources.</summary>
    Account,

    /// <summary>Every account, and the accounts themselves. Admin keys belong to the default account.</summary>
    Admin,
}
