using Microsoft.Extensions.Logging;
using Switchboard.Foundation.Net;
using Switchboard.Storage.Resilience;
using Switchboard.Storage.Webhooks;
using Switchboard.Webhooks.Delivery;

namespace Switchboard.Webhooks.Outbox;

/// <summary>
/// Delivers one queued notification: attempts (the URL, then its fallback), waits with backoff between attempts,
/// and records each outcome in the outbox: a delivered message is removed, a given-up one kept for the API, and a
/// retry's count and due time written so a restart resumes the schedule instead of starting it over. Every request,
/// delivered or not, goes to the call's timeline (<see cref="WebhookAttemptLog"/>).
/// </summary>
internal sealed class WebhookDeliverer(WebhookSender sender, IWebhookOutboxStore store, DeferredWrites writes, WebhookAttemptLog attempts, WebhookOptions options, TimeProvider timeProvider, ILogger logger)
{
    /// <exception cref="OperationCanceledException">The outbox is shutting down; the message stays pending.</exception>
    public async Task DeliverAsync(PendingWebhook pending, CancellationToken cancellationToken)
    {
        // A message resumed after a restart keeps its schedule, but waits no longer than this run's longest delay.
        if (pending.NextAttemptAt is { } due && due > timeProvider.GetUtcNow())
        {
            var wait = due - timeProvider.GetUtcNow();
            await Task.Delay(wait < options.Retry.MaxDelay ? wait : options.Retry.MaxDelay, timeProvider, cancellationToken).ConfigureAwait(false);
        }

        var delivery = pending.Delivery;
        while (true)
        {
            pending.FirstAttemptAt ??= timeProvider.GetUtcNow();
            var (outcome, failure) = await AttemptAsync(pending, cancellationToken).ConfigureAwait(false);
            pending.Attempts++;
            var now = timeProvider.GetUtcNow();
            var firstAttempt = pending.FirstAttemptAt.Value;
            if (outcome == AttemptOutcome.Delivered)
            {
                await StoreOutcomeAsync(pending, (id, token) => store.DeleteDeliveredAsync(id, token)).ConfigureAwait(false);
                return;
            }

            if (outcome == AttemptOutcome.Refused || options.Retry.IsExhausted(firstAttempt, now))
            {
                if (outcome == AttemptOutcome.Refused)
                {
                    Log.WebhookRefused(logger, delivery.Event, pending.CallSid, WebhookUrls.ForLog(delivery.Url), failure);
                }
                else
                {
                    Log.WebhookGaveUp(logger, delivery.Event, pending.CallSid, WebhookUrls.ForLog(delivery.Url), pending.Attempts, failure);
                }

                await StoreOutcomeAsync(pending, (id, token) => store.GiveUpAsync(id, pending.Attempts, failure, now, token)).ConfigureAwait(false);
                return;
            }

            var delay = options.Retry.DelayAfter(pending.Attempts);
            pending.NextAttemptAt = now + delay;
            await StoreAsync(pending, (id, token) => store.RecordRetryAsync(id, pending.Attempts, firstAttempt, now + delay, failure, token)).ConfigureAwait(false);
            Log.WebhookRetrying(logger, delivery.Event, WebhookUrls.ForLog(delivery.Url), pending.Attempts, failure, delay);
            await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One attempt: the URL and, when that fails with something worth retrying, the fallback at once.</summary>
    private async Task<(AttemptOutcome Outcome, string Failure)> AttemptAsync(PendingWebhook pending, CancellationToken cancellationToken)
    {
        var delivery = pending.Delivery;
        var (outcome, failure) = await TryAsync(pending, delivery.Url, cancellationToken).ConfigureAwait(false);
        if (outcome != AttemptOutcome.Retry || delivery.FallbackUrl is not { } fallback)
        {
            return (outcome, failure);
        }

        var (fallbackOutcome, fallbackFailure) = await TryAsync(pending, fallback, cancellationToken).ConfigureAwait(false);
        // A fallback that refuses does not end the retries: the primary may come back.
        return fallbackOutcome == AttemptOutcome.Delivered
            ? (AttemptOutcome.Delivered, string.Empty)
            : (AttemptOutcome.Retry, $"{failure}; fallback: {fallbackFailure}");
    }

    private async Task<(AttemptOutcome Outcome, string Failure)> TryAsync(PendingWebhook pending, Uri url, CancellationToken cancellationToken)
    {
        var startedAt = timeProvider.GetUtcNow();
        var started = timeProvider.GetTimestamp();
        var (outcome, failure, result) = await SendAsync(pending.Delivery, url, cancellationToken).ConfigureAwait(false);
        await attempts.RecordAsync(pending.Delivery, pending.CallSid, url, pending.Attempts + 1, startedAt, started, result).ConfigureAwait(false);
        return (outcome, failure);
    }

    private async Task<(AttemptOutcome Outcome, string Failure, WebhookAttemptResult Result)> SendAsync(WebhookDelivery delivery, Uri url, CancellationToken cancellationToken)
    {
        if (!WebhookUrls.IsAllowed(url))
        {
            const string NotAllowed = "only http and https URLs are allowed";
            return (AttemptOutcome.Refused, NotAllowed, WebhookAttemptResult.Failed(NotAllowed));
        }

        using var timeout = new CancellationTokenSource(options.AttemptTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await sender.SendAsync(delivery with { Url = url }, url, linked.Token).ConfigureAwait(false);
            var answered = WebhookAttemptResult.Answered((int)response.StatusCode, await AnswerExcerpt.ReadAsync(response.Content, linked.Token).ConfigureAwait(false));
            if (response.IsSuccessStatusCode)
            {
                return (AttemptOutcome.Delivered, string.Empty, answered);
            }

            var failure = $"HTTP {(int)response.StatusCode}";
            return (WebhookRetryPolicy.IsRetryable(response.StatusCode) ? AttemptOutcome.Retry : AttemptOutcome.Refused, failure, answered);
        }
        catch (HttpRequestException exception) when (exception.InnerException is RefusedAddressException refused)
        {
            // SWITCHBOARD_REFUSE_PRIVATE_WEBHOOKS: the address will not become allowed by waiting.
            return (AttemptOutcome.Refused, refused.Message, WebhookAttemptResult.Failed(refused.Message));
        }
        catch (HttpRequestException exception)
        {
            return (AttemptOutcome.Retry, exception.Message, WebhookAttemptResult.Failed(exception.Message));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var failure = $"no answer within {options.AttemptTimeout.TotalSeconds:0.#} s";
            return (AttemptOutcome.Retry, failure, WebhookAttemptResult.Failed(failure));
        }
    }

    /// <summary>
    /// A retry's schedule is worth keeping but not worth waiting for: a database hiccup must not stop delivery, and
    /// the worst it causes is an earlier next attempt after a restart.
    /// </summary>
    private async Task StoreAsync(PendingWebhook pending, Func<long, CancellationToken, Task> write)
    {
        if (pending.Id == 0)
        {
            return;
        }

        try
        {
            await write(pending.Id, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException)
        {
            Log.WebhookStateNotStored(logger, exception, pending.CallSid);
        }
    }

    /// <summary>
    /// A delivered or given-up message must leave the pending ones, or a restart would send it again: a write the
    /// store refuses now is kept and retried until it takes it. Shutdown does not cancel it.
    /// </summary>
    private async Task StoreOutcomeAsync(PendingWebhook pending, Func<long, CancellationToken, Task> write)
    {
        if (pending.Id != 0)
        {
            var id = pending.Id;
            await writes.WriteAsync("webhook " + id, token => write(id, token)).ConfigureAwait(false);
        }
    }
}
