using System.Text.Json.Serialization;
using Switchboard.Client.Conversation;

namespace Switchboard.Client.Callback;

/// <summary>The body of <c>POST /voice/call/callback</c>: two parties, called and connected.</summary>
public sealed record CallbackRequest
{
    [JsonPropertyName("leg_A")]
    public required CallbackLeg LegA { get; init; }

    [JsonPropertyName("leg_B")]
    public required CallbackLeg LegB { get; init; }

    /// <summary><c>sequential</c> (the default) or <c>simultaneous</c>.</summary>
    public string? Mode { get; init; }

    /// <summary>Text said to the first party to answer while the other is called.</summary>
    public string? Announcement { get; init; }

    /// <summary>Records the connected call (leg_A left, leg_B right).</summary>
    public bool? Record { get; init; }

    /// <summary>The longest, in seconds, the two may talk.</summary>
    public int? TimeLimit { get; init; }

    public StatusCallback? Callback { get; init; }
}
