namespace Switchboard.Client.EventAction;

/// <summary>The body of <c>POST /v1/voice/calls</c>: its events go to <see cref="CallbackUrl"/>, whose answers are its actions.</summary>
public sealed record EventActionCallRequest
{
    public required string CallerId { get; init; }

    public required string DialedNumber { get; init; }

    public required string CallbackUrl { get; init; }

    /// <summary>1 records the call.</summary>
    public int? Record { get; init; }

    /// <summary>Named by every event of the call.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>Seconds to ring.</summary>
    public int? Timeout { get; init; }

    /// <summary>The carrier the number is routed through.</summary>
    public string? Trunk { get; init; }
}
