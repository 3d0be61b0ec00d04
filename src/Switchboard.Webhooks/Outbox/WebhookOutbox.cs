using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Switchboard.Storage.Resilience;
using Switchboard.Storage.Webhooks;
using Switchboard.Webhooks.Delivery;
using Switchboard.Webhooks.Replies;
using Switchboard.Webhooks.Signing;

namespace Switchboard.Webhooks.Outbox;

/// <summary>
/// Sends webhooks. Notifications go through a durable, ordered queue per call (<see cref="OpenQueue"/>): written
/// to the outbox before they are sent, retried with backoff for <see cref="WebhookRetryPolicy.RetryFor"/>, resumed
/// after a restart. Questions whose answer the call needs go once, with a short timeout, to the URL and then its
/// fallback (<see cref="PostForReplyAsync"/>).
/// </summary>
public sealed class WebhookOutbox : IAsyncDisposable
{
    private readonly CancellationTokenSource _shutdown = new();
    private readonly ConcurrentDictionary<WebhookQueue, Task> _queues = new();
    private readonly ReplyHookSender _replies;
    private readonly WebhookQueueServices _services;
    private readonly TimeProvider _timeProvider;

    public WebhookOutbox(
        HttpClient http,
        WebhookSecrets secrets,
        IWebhookOutboxStore store,
        IWebhookAttemptStore attemptStore,
        DeferredWrites writes,
        WebhookOptions options,
        TimeProvider timeProvider,
        ILogger<WebhookOutbox> logger)
    {
        var sender = new WebhookSender(http, secrets, timeProvider, logger);
        var attempts = new WebhookAttemptLog(attemptStore, options, timeProvider, logger);
        _replies = new ReplyHookSender(sender, attempts, options.MaxAnswerBytes, timeProvider, logger);
        _services = new WebhookQueueServices(store, writes, new WebhookDeliverer(sender, store, writes, attempts, options, timeProvider, logger), timeProvider, logger);
        _timeProvider = timeProvider;
        Options = options;
    }

    public WebhookOptions Options { get; }

    /// <summary>Queues whose deliveries are not all done yet.</summary>
    public int ActiveQueueCount => _queues.Count;

    /// <summary>A queue for one call's notifications.</summary>
    public WebhookQueue OpenQueue() => Track(new WebhookQueue(_services, _shutdown.Token));

    /// <summary>
    /// A queue for the notifications of something other than a call (an escalation), bound to it from the start:
    /// its messages are stored under <paramref name="ownerSid"/> and resumed after a restart like a call's. No final
    /// status is owed.
    /// </summary>
    public WebhookQueue OpenQueue(string ownerSid, string accountSid) => Track(new WebhookQueue(_services, ownerSid, accountSid, owed: false, [], _shutdown.Token));

    /// <summary>Posts once (then to the fallback) and returns the answer, or throws <see cref="HttpRequestException"/> / a timeout.</summary>
    public Task<WebhookReply> PostForReplyAsync(WebhookDelivery delivery, TimeSpan timeout, CancellationToken cancellationToken) =>
        _replies.PostAsync(delivery, timeout, _shutdown.Token, cancellationToken);

    /// <summary>Waits up to <paramref name="patience"/> for queued webhooks to be delivered; what is left resumes after a restart.</summary>
    public async Task DrainAsync(TimeSpan patience)
    {
        var drained = Task.WhenAll(_queues.Keys.Select(queue => queue.Drained));
        await Task.WhenAny(drained, Task.Delay(patience, _timeProvider)).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_shutdown.IsCancellationRequested)
        {
            return;
        }

        await _shutdown.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_queues.Values).ConfigureAwait(false);
        _shutdown.Dispose();
    }

    /// <summary>
    /// A queue resumed at start with the call's undelivered webhooks, in order; <paramref name="owed"/> when the
    /// call's final status is still owed (the queue then settles that debt when it completes).
    /// </summary>
    public WebhookQueue ResumeQueue(string callSid, string accountSid, bool owed, IEnumerable<OutboxMessage> pending) =>
        Track(new WebhookQueue(_services, callSid, accountSid, owed, pending.Select(OutboxMessages.ToPending), _shutdown.Token));

    /// <summary>Keeps <paramref name="queue"/> until it has drained, with the work that forgets it then.</summary>
    private WebhookQueue Track(WebhookQueue queue)
    {
        var listed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _queues[queue] = ForgetWhenDrainedAsync(queue, listed.Task);
        listed.SetResult();
        return queue;
    }

    /// <summary>Removes the queue once it has drained, however it ended (its failures are its own to log).</summary>
    private async Task ForgetWhenDrainedAsync(WebhookQueue queue, Task listed)
    {
        await listed.ConfigureAwait(false);
        await queue.Drained.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _queues.TryRemove(queue, out _);
    }
}
