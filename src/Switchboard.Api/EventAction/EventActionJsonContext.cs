using System.Text.Json;
using System.Text.Json.Serialization;

namespace Switchboard.Api.EventAction;

/// <summary>Source-generated JSON for the event/action API's own bodies (camelCase, as seed 004 writes them).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(MakeCallResponse))]
[JsonSerializable(typeof(EventActionSinkState))]
public sealed partial class EventActionJsonContext : JsonSerializerContext;
