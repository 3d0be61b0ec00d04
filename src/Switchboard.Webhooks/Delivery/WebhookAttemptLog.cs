using System.Data.Common;
using System.Text;
using Microsoft.Extensions.Logging;
using Switchboard.Storage.Webhooks;

namespace Switchboard.Webhooks.Delivery;

/// <summary>
/// Writes each webhook request to the call's timeline (<see cref="IWebhookAttemptStore"/>) and, at most once per
/// <see cref="PruneInterval"/>, removes what is older than <see cref="WebhookOptions.AttemptRetention"/>. The record is
/// a report, not part of delivery: a store that fails is logged and delivery goes on.
/// </summary>
internal sealed class WebhookAttemptLog(IWebhookAttemptStore store, WebhookOptions options, TimeProvider timeProvider, ILogger logger)
{
    public static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);

    private long _nextPruneAt = long.MinValue;

    /// <summary>Records one request of <paramref name="delivery"/>; does nothing for a delivery that names no call.</summary>
    /// <param name="started">The <see cref="TimeProvider.GetTimestamp"/> taken when the request began.</param>
    public async Task RecordAsync(WebhookDelivery delivery, string? callSid, Uri url, int attempt, DateTimeOffset startedAt, long started, WebhookAttemptResult result)
    {
        if (string.IsNullOrEmpty(callSid))
        {
            return;
        }

        var record = new WebhookAttemptRecord(
            callSid,
            delivery.AccountSid,
            delivery.Event,
            WebhookUrls.ForLog(url),
            delivery.UseGet ? "GET" : "POST",
            attempt,
            result.StatusCode,
            result.Error,
            (long)timeProvider.GetElapsedTime(started).TotalMilliseconds,
            Excerpt(delivery.Body.Span),
            result.Answer.IsEmpty ? null : Excerpt(result.Answer.Span),
            startedAt);
        try
        {
            await store.AddAsync(record, CancellationToken.None).ConfigureAwait(false);
            await PruneWhenDueAsync(startedAt).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException or IOException)
        {
            Log.WebhookAttemptNotRecorded(logger, exception, delivery.Event, callSid);
        }
    }

    /// <summary>The start of a body as text; a character cut in half at the limit becomes U+FFFD.</summary>
    public static string Excerpt(ReadOnlySpan<byte> body) =>
        Encoding.UTF8.GetString(body.Length > WebhookAttemptRecord.MaxBodyBytes ? body[..WebhookAttemptRecord.MaxBodyBytes] : body);

    private async Task PruneWhenDueAsync(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref _nextPruneAt);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextPruneAt, (now + PruneInterval).UtcTicks, due) != due)
        {
            return;
        }

        await store.PruneAsync(now - options.AttemptRetention, CancellationToken.None).ConfigureAwait(false);
    }
}
