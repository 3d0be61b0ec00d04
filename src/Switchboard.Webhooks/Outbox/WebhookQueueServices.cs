using Microsoft.Extensions.Logging;
using Switchboard.Storage.Resilience;
using Switchboard.Storage.Webhooks;

namespace Switchboard.Webhooks.Outbox;

/// <summary>What every queue shares.</summary>
internal sealed record WebhookQueueServices(IWebhookOutboxStore Store, DeferredWrites Writes, WebhookDeliverer Deliverer, TimeProvider Time, ILogger Logger);
