using System.Text.Json;
using System.Text.Json.Serialization;

namespace Switchboard.Api.Conversation;

/// <summary>Source-generated JSON for the Conversation API's payloads (camelCase, as the seed shows).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ConversationStatusPayload))]
[JsonSerializable(typeof(CollectPayload))]
[JsonSerializable(typeof(ConversationResponse))]
[JsonSerializable(typeof(ConversationSinkState))]
public sealed partial class ConversationJsonContext : JsonSerializerContext;
