using Switchboard.Webhooks.Delivery;

namespace Switchboard.Webhooks.Outbox;

/// <summary>What a call's sink hands its queue, in order: a debt, a webhook, or the final status that settles it.</summary>
internal abstract record QueueItem
{
    public sealed record Owe(string Dialect, string SinkState) : QueueItem;

    public sealed record Send(WebhookDelivery Delivery) : QueueItem;

    public sealed record Settle(WebhookDelivery? Final) : QueueItem;
}
