namespace Switchboard.Storage.Accounts;

/// <summary>Accounts and their API keys. Keys are stored only as SHA-256 hashes.</summary>
public interface IAccountStore
{
    /// <summary>Returns the default account, creating it on first start.</summary>
    Task<AccountRecord> EnsureDefaultAccountAsync(CancellationToken cancellationToken);

    /// <summary>Stores the hash of <paramref name="token"/> as a key of the account, unless it is already there.</summary>
    Task EnsureApiKeyAsync(string accountSid, string token, CancellationToken cancellationToken);

    /// <summary>Whether the account has any API key at all (a fresh install has none).</summary>
    Task<bool> HasApiKeyAsync(string accountSid, CancellationToken cancellationToken);

    /// <summary>The account a presented bearer token belongs to, or null.</summary>
    Task<AccountRecord?> FindAccountByTokenAsync(string token, CancellationToken cancellationToken);
}
