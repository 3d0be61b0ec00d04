using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Switchboard.Client.Calls;

/// <summary>A live call's change (<c>PUT /v1/Calls/{call_sid}</c>); give only what changes.</summary>
public sealed record CallUpdate
{
    /// <summary>Leaves the current verb and runs what this URL answers (redirect).</summary>
    [JsonPropertyName("call_hook")]
    public string? CallHook { get; init; }

    /// <summary><c>completed</c> hangs up; <c>no-answer</c> stops a ringing call.</summary>
    [JsonPropertyName("call_status")]
    public string? CallStatus { get; init; }

    /// <summary><c>mute</c> or <c>unmute</c> the caller.</summary>
    [JsonPropertyName("mute_status")]
    public string? MuteStatus { get; init; }

    /// <summary>Replaces <c>customerData</c> for the webhooks that follow.</summary>
    [JsonPropertyName("tag")]
    public JsonObject? Tag { get; init; }
}
