using Switchboard.Storage.Webhooks;
using Switchboard.Webhooks.Delivery;

namespace Switchboard.Webhooks.Outbox;

/// <summary>Between a delivery in memory and its outbox row.</summary>
internal static class OutboxMessages
{
    public static OutboxMessage ToMessage(WebhookDelivery delivery, string accountSid, string callSid, DateTimeOffset createdAt) => new(
        0,
        accountSid,
        callSid,
        delivery.Event,
        delivery.Url.AbsoluteUri,
        delivery.UseGet ? "GET" : "POST",
        delivery.Credentials?.Username,
        delivery.Credentials?.Password,
        delivery.FallbackUrl?.AbsoluteUri,
        delivery.Body.ToArray(),
        createdAt);

    public static PendingWebhook ToPending(OutboxMessage message)
    {
        var delivery = new WebhookDelivery(new Uri(message.Url), message.Body)
        {
            UseGet = message.Method == "GET",
            Credentials = message.Username is { } username ? new WebhookCredentials(username, message.Password ?? string.Empty) : null,
            AccountSid = message.AccountSid,
            FallbackUrl = message.FallbackUrl is { } fallback ? new Uri(fallback) : null,
            Event = message.Event,
        };
        return new PendingWebhook(message.Id, message.CallSid, delivery, message.CreatedAt)
        {
            Attempts = message.Attempts,
            FirstAttemptAt = message.FirstAttemptAt,
            NextAttemptAt = message.NextAttemptAt,
        };
    }
}
