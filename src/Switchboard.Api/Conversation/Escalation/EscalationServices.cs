using Microsoft.Extensions.Logging;
using Switchboard.Storage.Escalations;
using Switchboard.Webhooks.Outbox;

namespace Switchboard.Api.Conversation.Escalation;

/// <summary>The shared machinery every escalation's loop uses.</summary>
internal sealed record EscalationServices(WebhookOutbox Outbox, IEscalationStore Store, TimeProvider Time, ILogger Logger);
