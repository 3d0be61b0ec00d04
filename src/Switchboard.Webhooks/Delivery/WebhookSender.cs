using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Switchboard.Webhooks.Metrics;
using Switchboard.Webhooks.Signing;
using Switchboard.Webhooks.Tracing;

namespace Switchboard.Webhooks.Delivery;

/// <summary>
/// Sends one request of a webhook: POST with the JSON body, or GET with the body's members as the query; HTTP Basic
/// auth when the hook has credentials; and always the <see cref="WebhookSignature"/> of what was sent (the body,
/// or for GET the path and query), made with the account's secrets at the moment of sending, under both its own
/// header name and jambonz's.
/// </summary>
internal sealed class WebhookSender(HttpClient http, WebhookSecrets secrets, TimeProvider timeProvider, ILogger logger)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    /// <summary>
    /// Returns once the answer's headers are in: its body is left on the connection for the caller to read, bounded, or
    /// to leave (disposing the answer reads at most <see cref="WebhookHttpClient.MaxDrainBytes"/> more, then closes).
    /// </summary>
    /// <exception cref="HttpRequestException">The connection failed.</exception>
    /// <exception cref="OperationCanceledException">The attempt timed out or was canceled.</exception>
    /// <param name="kind">What the request is, for metrics: <see cref="WebhookMetrics.Notification"/> or <see cref="WebhookMetrics.Reply"/>.</param>
    public async Task<HttpResponseMessage> SendAsync(WebhookDelivery delivery, Uri url, CancellationToken cancellationToken, string kind = WebhookMetrics.Notification)
    {
        var get = delivery.UseGet;
        var target = get ? WebhookQueryString.Append(url, delivery.Body) : url;
        using var request = new HttpRequestMessage(get ? HttpMethod.Get : HttpMethod.Post, target);
        if (!get)
        {
            request.Content = new ReadOnlyMemoryContent(delivery.Body);
            request.Content.Headers.ContentType = Json;
        }

        request.Headers.Authorization = delivery.Credentials?.ToHeader();
        if (delivery.AccountSid is { } accountSid)
        {
            var keys = await secrets.GetAsync(accountSid, cancellationToken).ConfigureAwait(false);
            var now = timeProvider.GetUtcNow();
            var signed = get ? Encoding.UTF8.GetBytes(target.PathAndQuery) : delivery.Body;
            var signature = WebhookSignature.Create(now.ToUnixTimeSeconds(), signed.Span, keys.ValidAt(now));
            request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, signature);
            request.Headers.TryAddWithoutValidation(WebhookSignature.JambonzHeaderName, signature);
        }
        else
        {
            Log.WebhookUnsigned(logger, WebhookUrls.ForLog(url));
        }

        using var activity = WebhookTracing.Start(delivery.Event, url, kind, delivery.TraceParent);
        WebhookMetrics.Attempted(kind);
        var started = timeProvider.GetTimestamp();
        try
        {
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            WebhookMetrics.Answered(kind, timeProvider.GetElapsedTime(started));
            activity?.SetTag("http.response.status_code", (int)response.StatusCode);
            if (!response.IsSuccessStatusCode)
            {
                WebhookMetrics.Failed(kind, "status");
                activity?.SetStatus(ActivityStatusCode.Error);
            }

            return response;
        }
        catch (HttpRequestException)
        {
            WebhookMetrics.Failed(kind, "connection");
            activity?.SetStatus(ActivityStatusCode.Error, "connection");
            throw;
        }
        catch (OperationCanceledException)
        {
            WebhookMetrics.Failed(kind, "timeout");
            activity?.SetStatus(ActivityStatusCode.Error, "timeout");
            throw;
        }
    }
}
