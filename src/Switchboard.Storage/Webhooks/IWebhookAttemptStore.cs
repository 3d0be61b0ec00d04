namespace Switchboard.Storage.Webhooks;

/// <summary>Every attempt of every webhook, per call, kept for a bounded time.</summary>
public interface IWebhookAttemptStore
{
    Task AddAsync(WebhookAttemptRecord attempt, CancellationToken cancellationToken);

    /// <summary>The call's attempts in the order they were made.</summary>
    Task<IReadOnlyList<WebhookAttemptRecord>> ListForCallAsync(string callSid, CancellationToken cancellationToken);

    /// <summary>Removes the attempts started before <paramref name="cutoff"/> and returns how many went.</summary>
    Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
