using System.Text.Json;
using System.Text.Json.Serialization;

namespace Switchboard.Api.Timeline;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IReadOnlyList<TimelineEvent>))]
public sealed partial class TimelineJsonContext : JsonSerializerContext;
