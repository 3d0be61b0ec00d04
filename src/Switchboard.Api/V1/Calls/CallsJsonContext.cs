using System.Text.Json.Serialization;

namespace Switchboard.Api.V1.Calls;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CallCreated))]
[JsonSerializable(typeof(CallResource))]
[JsonSerializable(typeof(List<CallResource>))]
[JsonSerializable(typeof(CallResource[]))]
[JsonSerializable(typeof(RecentCallsPage))]
[JsonSerializable(typeof(CallCount))]
[JsonSerializable(typeof(SipRequestAnswered))]
internal sealed partial class CallsJsonContext : JsonSerializerContext;
