using System.Text.Json;
using System.Text.Json.Serialization;
using Switchboard.Client.Callback;
using Switchboard.Client.Calls;
using Switchboard.Client.Conversation;
using Switchboard.Client.EventAction;
using Switchboard.Client.Http;

namespace Switchboard.Client;

/// <summary>
/// The client's JSON, source-generated: camelCase as the Conversation, Callback and event/action APIs write it; the
/// Calls API's types name their snake_case members one by one.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Problem))]
[JsonSerializable(typeof(CreateCallRequest))]
[JsonSerializable(typeof(CallCreated))]
[JsonSerializable(typeof(Call))]
[JsonSerializable(typeof(Call[]))]
[JsonSerializable(typeof(CallUpdate))]
[JsonSerializable(typeof(ConversationRequest))]
[JsonSerializable(typeof(ConversationCreated))]
[JsonSerializable(typeof(Escalation))]
[JsonSerializable(typeof(CallbackRequest))]
[JsonSerializable(typeof(CallbackCreated))]
[JsonSerializable(typeof(CallbackSession))]
[JsonSerializable(typeof(EventActionCallRequest))]
[JsonSerializable(typeof(EventActionCallCreated))]
internal sealed partial class ClientJsonContext : JsonSerializerContext;
