using Microsoft.Extensions.Logging;
using Switchboard.Calls.Engine;
using Switchboard.Storage.Escalations;
using Switchboard.Webhooks.Outbox;

namespace Switchboard.Api.Conversation.Escalation;

/// <summary>The shared machinery every escalation's loop uses.</summary>
internal sealed record EscalationServices(CallEngine Engine, WebhookOutbox Outbox, IEscalationStore Store, TimeProvider Time, ILogger Logger);
