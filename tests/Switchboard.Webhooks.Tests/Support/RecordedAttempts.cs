using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Storage.Webhooks;
using Switchboard.Webhooks.Delivery;

namespace Switchboard.Webhooks.Tests.Support;

/// <summary>The attempt records a sender writes, kept in memory in the order written; <see cref="Failing"/> refuses every write.</summary>
internal sealed class RecordedAttempts : IWebhookAttemptStore
{
    private readonly ConcurrentQueue<WebhookAttemptRecord> _records = new();

    public bool Failing { get; init; }

    public IReadOnlyList<WebhookAttemptRecord> Records => [.. _records];

    public WebhookAttemptLog Log() => new(this, WebhookOptions.Default, TimeProvider.System, NullLogger.Instance);

    public Task AddAsync(WebhookAttemptRecord attempt, CancellationToken cancellationToken)
    {
        if (Failing)
        {
            throw new InvalidOperationException("the store is down");
        }

        _records.Enqueue(attempt);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<WebhookAttemptRecord>> ListForCallAsync(string callSid, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<WebhookAttemptRecord>>([.. _records.Where(record => record.CallSid == callSid)]);

    public Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => Task.FromResult(0);
}
