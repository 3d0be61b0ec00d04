using System.Text.Json;
using System.Text.Json.Serialization;

namespace Switchboard.Api.Callback;

/// <summary>Source-generated JSON for the Callback API (camelCase, as its sibling Conversation API; leg names stay <c>leg_A</c>, <c>leg_B</c>).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CallbackLegStatusPayload))]
[JsonSerializable(typeof(CallbackSessionPayload))]
[JsonSerializable(typeof(CallbackCreated))]
[JsonSerializable(typeof(CallbackSessionResource))]
[JsonSerializable(typeof(CallbackSinkState))]
public sealed partial class CallbackJsonContext : JsonSerializerContext;
