using Switchboard.Webhooks.Delivery;

namespace Switchboard.Webhooks.Outbox;

/// <summary>A queued notification on its way: its outbox row (0 when it could not be stored) and its attempts.</summary>
internal sealed class PendingWebhook(long id, string callSid, WebhookDelivery delivery, DateTimeOffset createdAt)
{
    public long Id { get; } = id;

    public string CallSid { get; } = callSid;

    public WebhookDelivery Delivery { get; } = delivery;

    /// <summary>When the message was written.</summary>
    public DateTimeOffset CreatedAt { get; } = createdAt;

    /// <summary>
    /// When the first attempt was made: retries stop <see cref="WebhookRetryPolicy.RetryFor"/> after it, not after
    /// <see cref="CreatedAt"/>, so a message that waited behind an earlier one of its call still gets its full hour.
    /// </summary>
    public DateTimeOffset? FirstAttemptAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>For a final status the store refused: why, and that its call's debt is cleared once it was sent.</summary>
    public string? DebtFailure { get; init; }
}
