using Switchboard.Storage.Webhooks;

namespace Switchboard.Server.Secrets;

/// <summary>The webhook secret store with every secret encrypted at rest and given back in clear to the signer.</summary>
internal sealed class ProtectedWebhookSecretStore(IWebhookSecretStore inner, StoredSecrets secrets) : IWebhookSecretStore
{
    public async Task<WebhookSecretRecord> GetOrCreateAsync(string accountSid, string newSecret, CancellationToken cancellationToken) =>
        Clear(await inner.GetOrCreateAsync(accountSid, secrets.Protect(newSecret), cancellationToken).ConfigureAwait(false));

    public async Task<WebhookSecretRecord> RotateAsync(string accountSid, string newSecret, DateTimeOffset at, CancellationToken cancellationToken) =>
        Clear(await inner.RotateAsync(accountSid, secrets.Protect(newSecret), at, cancellationToken).ConfigureAwait(false));

    public async Task<IReadOnlyList<WebhookSecretRecord>> ListAllAsync(CancellationToken cancellationToken) =>
        [.. (await inner.ListAllAsync(cancellationToken).ConfigureAwait(false)).Select(Clear)];

    public Task ReplaceAsync(WebhookSecretRecord record, CancellationToken cancellationToken) =>
        inner.ReplaceAsync(Stored(record), cancellationToken);

    /// <summary>The record as stored: both secrets protected (one already protected stays as it is).</summary>
    public WebhookSecretRecord Stored(WebhookSecretRecord record) =>
        record with { Secret = secrets.ProtectOrNull(record.Secret)!, PreviousSecret = secrets.ProtectOrNull(record.PreviousSecret) };

    private WebhookSecretRecord Clear(WebhookSecretRecord record) =>
        record with { Secret = secrets.Unprotect(record.Secret), PreviousSecret = secrets.UnprotectOrNull(record.PreviousSecret) };
}
