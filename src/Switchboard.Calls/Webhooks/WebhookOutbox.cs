using Microsoft.Extensions.Logging;

namespace Switchboard.Calls.Webhooks;

/// <summary>
/// Sends webhooks: ordered per call with retries (<see cref="OpenQueue"/>), or once with a short timeout
/// when the call waits for the answer (<see cref="PostForReplyAsync"/>).
/// </summary>
public sealed class WebhookOutbox(HttpClient http, WebhookSecrets secrets, WebhookRetryPolicy retryPolicy, TimeProvider timeProvider, ILogger<WebhookOutbox> logger) : IDisposable
{
    private readonly CancellationTokenSource _shutdown = new();
    private readonly WebhookSender _sender = new(http, secrets, timeProvider, logger);

    /// <summary>A queue for one call's events.</summary>
    public WebhookQueue OpenQueue() => new(DeliverWithRetriesAsync, _shutdown.Token);

    /// <summary>Posts once and returns the answer, or throws <see cref="HttpRequestException"/> / a timeout.</summary>
    public async Task<WebhookReply> PostForReplyAsync(WebhookDelivery delivery, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _shutdown.Token);
        linked.CancelAfter(timeout);
        using var response = await SendAsync(delivery, linked.Token).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
        return new WebhookReply((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
    }

    public void Dispose()
    {
        _shutdown.Cancel();
        _shutdown.Dispose();
    }

    private async Task DeliverWithRetriesAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            string failure;
            try
            {
                using var response = await SendAsync(delivery, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                failure = $"HTTP {(int)response.StatusCode}";
                if (!WebhookRetryPolicy.IsRetryable(response.StatusCode))
                {
                    Log.WebhookRefused(logger, delivery.Event, "?", WebhookUrls.ForLog(delivery.Url), failure);
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                failure = exception.Message;
            }

            if (attempt >= retryPolicy.MaxAttempts)
            {
                Log.WebhookGaveUp(logger, delivery.Event, "?", WebhookUrls.ForLog(delivery.Url), attempt, failure);
                return;
            }

            var delay = retryPolicy.DelayAfter(attempt);
            Log.WebhookRetrying(logger, delivery.Event, WebhookUrls.ForLog(delivery.Url), attempt, failure, delay);
            await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task<HttpResponseMessage> SendAsync(WebhookDelivery delivery, CancellationToken cancellationToken) =>
        _sender.SendAsync(delivery, delivery.Url, cancellationToken);
}
