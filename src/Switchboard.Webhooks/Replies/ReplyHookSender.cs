using System.Net;
using Microsoft.Extensions.Logging;
using Switchboard.Webhooks.Delivery;
using Switchboard.Webhooks.Metrics;
using Switchboard.Webhooks.Outbox;

namespace Switchboard.Webhooks.Replies;

/// <summary>
/// Asks a hook whose answer the call needs (call hook, action hooks, eventUrl): once, with a short timeout, to the
/// URL and then its fallback. Nothing is stored or retried later: the call cannot wait for a retry schedule. The answer
/// is read as it streams in, up to <c>maxAnswerBytes</c>; a larger one fails the hook like a connection error. Each
/// request goes to the call's timeline (<see cref="WebhookAttemptLog"/>): the fallback as a second attempt.
/// </summary>
internal sealed class ReplyHookSender(WebhookSender sender, WebhookAttemptLog attempts, long maxAnswerBytes, TimeProvider timeProvider, ILogger logger)
{
    /// <summary>Posts once (then to the fallback) and returns the answer, or throws <see cref="HttpRequestException"/> / a timeout.</summary>
    public async Task<WebhookReply> PostAsync(WebhookDelivery delivery, TimeSpan timeout, CancellationToken shutdown, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await PostOnceAsync(delivery, delivery.Url, 1, timeout, shutdown, cancellationToken).ConfigureAwait(false);
            if (delivery.FallbackUrl is null || !WebhookRetryPolicy.IsRetryable((HttpStatusCode)reply.StatusCode))
            {
                return reply;
            }
        }
        catch (Exception exception) when (delivery.FallbackUrl is not null
            && (exception is HttpRequestException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested)))
        {
        }

        return await PostOnceAsync(delivery, delivery.FallbackUrl, 2, timeout, shutdown, cancellationToken).ConfigureAwait(false);
    }

    private async Task<WebhookReply> PostOnceAsync(WebhookDelivery delivery, Uri url, int attempt, TimeSpan timeout, CancellationToken shutdown, CancellationToken cancellationToken)
    {
        var startedAt = timeProvider.GetUtcNow();
        var started = timeProvider.GetTimestamp();
        try
        {
            var reply = await AskAsync(delivery, url, timeout, shutdown, cancellationToken).ConfigureAwait(false);
            await attempts.RecordAsync(delivery, delivery.CallSid, url, attempt, startedAt, started, WebhookAttemptResult.Answered(reply.StatusCode, reply.Body)).ConfigureAwait(false);
            return reply;
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
        {
            var failure = exception is OperationCanceledException && !cancellationToken.IsCancellationRequested && !shutdown.IsCancellationRequested
                ? $"no answer within {timeout.TotalSeconds:0.#} s"
                : exception.Message;
            await attempts.RecordAsync(delivery, delivery.CallSid, url, attempt, startedAt, started, WebhookAttemptResult.Failed(failure)).ConfigureAwait(false);
            throw;
        }
    }

    private async Task<WebhookReply> AskAsync(WebhookDelivery delivery, Uri url, TimeSpan timeout, CancellationToken shutdown, CancellationToken cancellationToken)
    {
        if (!WebhookUrls.IsAllowed(url))
        {
            throw new HttpRequestException("only http and https URLs are allowed for webhooks");
        }

        using var deadline = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, shutdown, deadline.Token);
        using var response = await sender.SendAsync(delivery, url, linked.Token, WebhookMetrics.Reply).ConfigureAwait(false);
        byte[] body;
        try
        {
            body = await BoundedAnswer.ReadAsync(response.Content, maxAnswerBytes, linked.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException exception) when (exception.HttpRequestError == HttpRequestError.ConfigurationLimitExceeded)
        {
            // Callers treat a failed hook as they treat an unreachable one, and an action hook's may not be logged there.
            Log.AnswerTooLarge(logger, delivery.Event, WebhookUrls.ForLog(url), exception.Message);
            throw;
        }

        return new WebhookReply((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
    }
}
