using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace Switchboard.Calls.Webhooks;

/// <summary>
/// Sends webhooks: ordered per call with retries (<see cref="OpenQueue"/>), or once with a short timeout
/// when the call waits for the answer (<see cref="PostForReplyAsync"/>).
/// </summary>
public sealed class WebhookOutbox(HttpClient http, WebhookRetryPolicy retryPolicy, TimeProvider timeProvider, ILogger<WebhookOutbox> logger) : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private readonly CancellationTokenSource _shutdown = new();

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
                    Log.WebhookRefused(logger, delivery.Url, failure);
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                failure = exception.Message;
            }

            if (attempt >= retryPolicy.MaxAttempts)
            {
                Log.WebhookGaveUp(logger, delivery.Url, attempt, failure);
                return;
            }

            var delay = retryPolicy.DelayAfter(attempt);
            Log.WebhookRetrying(logger, delivery.Url, attempt, failure, delay);
            await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        using var request = delivery.UseGet
            ? new HttpRequestMessage(HttpMethod.Get, WebhookQueryString.Append(delivery.Url, delivery.Body))
            : new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = JsonContent(delivery.Body) };
        request.Headers.Authorization = delivery.Credentials?.ToHeader();
        return await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static ReadOnlyMemoryContent JsonContent(ReadOnlyMemory<byte> body)
    {
        var content = new ReadOnlyMemoryContent(body);
        content.Headers.ContentType = Json;
        return content;
    }
}
