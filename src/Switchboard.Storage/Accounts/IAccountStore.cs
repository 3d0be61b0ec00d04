using Switchboard.Storage.Paging;

namespace Switchboard.Storage.Accounts;

/// <summary>Accounts and their API keys. Keys are stored only as SHA-256 hashes.</summary>
public interface IAccountStore
{
    /// <summary>Returns the default account, creating it on first start.</summary>
    Task<AccountRecord> EnsureDefaultAccountAsync(CancellationToken cancellationToken);

    /// <summary>Stores the hash of <paramref name="token"/> as an account-scoped key of the account, unless it is already there.</summary>
    Task EnsureApiKeyAsync(string accountSid, string token, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the hash of <paramref name="token"/> as a key of the account with the given scope. A token already
    /// stored for the same account is raised to <see cref="ApiKeyScope.Admin"/> when asked, never lowered.
    /// </summary>
    Task EnsureApiKeyAsync(string accountSid, string token, ApiKeyScope scope, CancellationToken cancellationToken);

    /// <summary>Whether the account has any API key at all (a fresh install has none).</summary>
    Task<bool> HasApiKeyAsync(string accountSid, CancellationToken cancellationToken);

    /// <summary>Whether any admin key exists; the server makes one at start when none does.</summary>
    Task<bool> HasAdminKeyAsync(CancellationToken cancellationToken);

    /// <summary>The account a presented bearer token belongs to, or null.</summary>
    Task<AccountRecord?> FindAccountByTokenAsync(string token, CancellationToken cancellationToken);

    /// <summary>The key a presented bearer token is, with its account and scope, or null.</summary>
    Task<ApiKeyRecord?> FindApiKeyByTokenAsync(string token, CancellationToken cancellationToken);

    /// <summary>Creates an account; <see cref="WriteOutcome.Duplicate"/> when the name is taken.</summary>
    Task<WriteOutcome> CreateAccountAsync(AccountRecord account, CancellationToken cancellationToken);

    Task<AccountRecord?> FindAccountAsync(string accountSid, CancellationToken cancellationToken);

    /// <summary>Every account, in creation order.</summary>
    Task<Page<AccountRecord>> ListAccountsAsync(PageRequest page, CancellationToken cancellationToken);

    /// <summary>Renames an account; <see cref="WriteOutcome.Duplicate"/> when the name is taken.</summary>
    Task<WriteOutcome> UpdateAccountAsync(AccountRecord account, CancellationToken cancellationToken);

    /// <summary>Deletes the account and everything in it (keys, applications, numbers, carriers, clients, calls).</summary>
    Task<WriteOutcome> DeleteAccountAsync(string accountSid, CancellationToken cancellationToken);

    /// <summary>Makes a new random key for the account and returns its token, which is not kept.</summary>
    Task<CreatedApiKey> CreateApiKeyAsync(string accountSid, ApiKeyScope scope, CancellationToken cancellationToken);

    Task<ApiKeyRecord?> FindApiKeyAsync(string accountSid, string keySid, CancellationToken cancellationToken);

    /// <summary>The account's keys, in creation order, without tokens.</summary>
    Task<Page<ApiKeyRecord>> ListApiKeysAsync(string accountSid, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Deletes a key; <see cref="WriteOutcome.InUse"/> for the last admin key, so the server is never locked.</summary>
    Task<WriteOutcome> DeleteApiKeyAsync(string accountSid, string keySid, CancellationToken cancellationToken);
}
