namespace Switchboard.Api.Timeline;

/// <summary>
/// One entry of a call's timeline (<c>GET .../Events</c>), the same in every dialect: its members are single words, so
/// snake_case and camelCase dialects spell them alike, and a member that does not apply to the entry's type is left out.
/// </summary>
/// <param name="At">When it happened.</param>
/// <param name="Type"><c>status</c>, <c>verb</c>, <c>webhook</c>, <c>recording</c>, <c>amd</c> or <c>event</c>.</param>
public sealed record TimelineEvent(DateTimeOffset At, string Type)
{
    /// <summary>A verb's <c>started</c>, <c>ended</c> or <c>failed</c>; a webhook's kind (<c>call</c>, <c>action</c>, <c>status:ringing</c>, <c>event:ANSWERED</c>); an AMD decision.</summary>
    public string? Name { get; init; }

    /// <summary>The call's new status (a status entry) or the recording's (a recording entry).</summary>
    public string? Status { get; init; }

    /// <summary>The SIP code that moved the status, or the HTTP status a webhook was answered with.</summary>
    public int? Code { get; init; }

    /// <summary>Why: a status change's SIP reason, a skipped verb's failure, an AMD decision's grounds, a recording's end.</summary>
    public string? Reason { get; init; }

    public string? Verb { get; init; }

    /// <summary>How a verb ended: its result, or what made the call leave it.</summary>
    public string? Result { get; init; }

    public string? Url { get; init; }

    public string? Method { get; init; }

    /// <summary>1 for a webhook's first request; its retries count up, a fallback URL shares its primary's number.</summary>
    public int? Attempt { get; init; }

    /// <summary>Why a webhook request got no answer (connection refused, no answer in time).</summary>
    public string? Error { get; init; }

    /// <summary>Milliseconds from sending a webhook until its answer was in.</summary>
    public long? Latency { get; init; }

    /// <summary>The webhook's body as sent: its first 4,096 bytes.</summary>
    public string? Request { get; init; }

    /// <summary>The body the webhook was answered with: its first 4,096 bytes.</summary>
    public string? Answer { get; init; }

    /// <summary>A recording's sid.</summary>
    public string? Recording { get; init; }

    /// <summary>A recording's length in seconds.</summary>
    public double? Duration { get; init; }

    /// <summary>In a session's timeline (callback), the leg the entry belongs to: <c>leg_A</c> or <c>leg_B</c>.</summary>
    public string? Leg { get; init; }

    /// <summary>In a session's timeline, the call (leg) the entry belongs to.</summary>
    public string? Call { get; init; }
}
