using Switchboard.Storage.Webhooks;

namespace Switchboard.Webhooks.Tests.Support;

/// <summary>Every account has the one secret given.</summary>
internal sealed class FixedSecretStore(string secret) : IWebhookSecretStore
{
    public Task<WebhookSecretRecord> GetOrCreateAsync(string accountSid, string newSecret, CancellationToken cancellationToken) =>
        Task.FromResult(new WebhookSecretRecord(accountSid, secret, null, null));

    public Task<WebhookSecretRecord> RotateAsync(string accountSid, string newSecret, DateTimeOffset at, CancellationToken cancellationToken) =>
        Task.FromResult(new WebhookSecretRecord(accountSid, newSecret, secret, at));

    public Task<IReadOnlyList<WebhookSecretRecord>> ListAllAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<WebhookSecretRecord>>([]);

    public Task ReplaceAsync(WebhookSecretRecord record, CancellationToken cancellationToken) => Task.CompletedTask;
}
