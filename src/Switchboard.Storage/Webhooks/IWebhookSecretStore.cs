namespace Switchboard.Storage.Webhooks;

/// <summary>The secrets webhooks are signed with, one per account.</summary>
public interface IWebhookSecretStore
{
    /// <summary>The account's secret, storing <paramref name="newSecret"/> as it when the account has none yet.</summary>
    Task<WebhookSecretRecord> GetOrCreateAsync(string accountSid, string newSecret, CancellationToken cancellationToken);

    /// <summary>Makes <paramref name="newSecret"/> the account's secret and keeps the current one as the previous.</summary>
    Task<WebhookSecretRecord> RotateAsync(string accountSid, string newSecret, DateTimeOffset at, CancellationToken cancellationToken);
}
