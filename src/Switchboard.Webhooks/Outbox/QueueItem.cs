using Switchboard.Webhooks.Delivery;

namespace Switchboard.Webhooks.Outbox;

/// <summary>What a call's sink hands its queue, in order: a debt, a webhook, a webhook already stored, or the final status that settles it.</summary>
internal abstract record QueueItem
{
    public sealed record Owe(string Dialect, string SinkState) : QueueItem;

    public sealed record Send(WebhookDelivery Delivery) : QueueItem;

    public sealed record Settle(WebhookDelivery? Final) : QueueItem;

    /// <summary>A message its owner already wrote to the outbox (in its own transaction): it is only sent, in its turn.</summary>
    public sealed record Stored(Switchboard.Storage.Webhooks.OutboxMessage Message) : QueueItem;
}
