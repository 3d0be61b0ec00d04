namespace Switchboard.Calls.Webhooks;

/// <summary>One JSON body to POST to one URL.</summary>
public sealed record WebhookDelivery(Uri Url, ReadOnlyMemory<byte> Body);
