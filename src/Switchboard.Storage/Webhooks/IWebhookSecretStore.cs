namespace Switchboard.Storage.Webhooks;

/// <summary>The secrets webhooks are signed with, one per account.</summary>
public interface IWebhookSecretStore
{
    /// <summary>The account's secret, storing <paramref name="newSecret"/> as it when the account has none yet.</summary>
    Task<WebhookSecretRecord> GetOrCreateAsync(string accountSid, string newSecret, CancellationToken cancellationToken);

    /// <summary>Makes <paramref name="newSecret"/> the account's secret and keeps the current one as the previous.</summary>
    Task<WebhookSecretRecord> RotateAsync(string accountSid, string newSecret, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Every account's secrets, as stored (for rewriting them in another form).</summary>
    Task<IReadOnlyList<WebhookSecretRecord>> ListAllAsync(CancellationToken cancellationToken);

    /// <summary>Writes the account's secret and previous secret as given, keeping when it was rotated.</summary>
    Task ReplaceAsync(WebhookSecretRecord record, CancellationToken cancellationToken);
}
