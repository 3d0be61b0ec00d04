using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Switchboard.Client.Calls;

/// <summary>The body of <c>POST /v1/Calls</c>: snake_case, except the names jambonz writes in camelCase.</summary>
public sealed record CreateCallRequest
{
    /// <summary>The caller: a number or SIP user name.</summary>
    [JsonPropertyName("from")]
    public required string From { get; init; }

    [JsonPropertyName("to")]
    public required CallTarget To { get; init; }

    /// <summary>The application whose hooks run the call; required unless <see cref="CallHook"/> is given.</summary>
    [JsonPropertyName("application_sid")]
    public string? ApplicationSid { get; init; }

    /// <summary>The URL that answers the call with verbs, instead of an application's.</summary>
    [JsonPropertyName("call_hook")]
    public string? CallHook { get; init; }

    /// <summary>The URL that hears every status change.</summary>
    [JsonPropertyName("call_status_hook")]
    public string? CallStatusHook { get; init; }

    [JsonPropertyName("fromHost")]
    public string? FromHost { get; init; }

    [JsonPropertyName("callerName")]
    public string? CallerName { get; init; }

    /// <summary>Seconds to let it ring (default 60).</summary>
    [JsonPropertyName("timeout")]
    public int? Timeout { get; init; }

    /// <summary>The longest the answered call may last, in seconds.</summary>
    [JsonPropertyName("timeLimit")]
    public int? TimeLimit { get; init; }

    /// <summary>Application data every webhook of the call carries as <c>customerData</c>.</summary>
    [JsonPropertyName("tag")]
    public JsonObject? Tag { get; init; }

    /// <summary>SIP headers added to the INVITE.</summary>
    [JsonPropertyName("headers")]
    public IReadOnlyDictionary<string, string>? Headers { get; init; }
}
