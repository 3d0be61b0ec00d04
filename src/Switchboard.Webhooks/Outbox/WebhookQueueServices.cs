using Microsoft.Extensions.Logging;
using Switchboard.Storage.Webhooks;

namespace Switchboard.Webhooks.Outbox;

/// <summary>What every queue shares.</summary>
internal sealed record WebhookQueueServices(IWebhookOutboxStore Store, WebhookDeliverer Deliverer, TimeProvider Time, ILogger Logger);
