using System.Text.Json.Serialization;

namespace Switchboard.Api.V1.Calls;

/// <summary>Source-generated JSON for the status hook sink's saved state.</summary>
[JsonSerializable(typeof(StatusHookSinkState))]
public sealed partial class StatusHookJsonContext : JsonSerializerContext;
