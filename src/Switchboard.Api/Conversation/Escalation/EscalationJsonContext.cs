using System.Text.Json;
using System.Text.Json.Serialization;

namespace Switchboard.Api.Conversation.Escalation;

/// <summary>Source-generated JSON for the escalation's payloads (camelCase, like the rest of the Conversation API).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(EscalationOutcomePayload))]
[JsonSerializable(typeof(EscalationResource))]
public sealed partial class EscalationJsonContext : JsonSerializerContext;
