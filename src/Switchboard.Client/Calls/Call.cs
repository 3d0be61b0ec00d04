using System.Text.Json.Serialization;

namespace Switchboard.Client.Calls;

/// <summary>A call as the Calls API shows it.</summary>
public sealed record Call(
    [property: JsonPropertyName("call_sid")] string CallSid,
    [property: JsonPropertyName("direction")] string Direction,
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("call_status")] string CallStatus,
    [property: JsonPropertyName("sip_status")] int? SipStatus,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("answered_at")] DateTimeOffset? AnsweredAt,
    [property: JsonPropertyName("ended_at")] DateTimeOffset? EndedAt,
    [property: JsonPropertyName("duration")] int Duration)
{
    [JsonPropertyName("call_id")]
    public string? SipCallId { get; init; }

    [JsonPropertyName("application_sid")]
    public string? ApplicationSid { get; init; }

    /// <summary>Why the call ended (<c>media timeout</c>, the SIP reason, ...).</summary>
    [JsonPropertyName("end_reason")]
    public string? EndReason { get; init; }

    /// <summary>Who ended it: <c>caller</c>, <c>callee</c>, <c>application</c>, <c>api</c> or <c>system</c>.</summary>
    [JsonPropertyName("hangup_by")]
    public string? HangupBy { get; init; }
}
