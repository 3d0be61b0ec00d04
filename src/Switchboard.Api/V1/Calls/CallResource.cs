using Switchboard.Calls.Engine;
using Switchboard.Storage.Calls;

namespace Switchboard.Api.V1.Calls;

/// <summary>A call as <c>GET /Calls</c> shows it (snake_case on the wire).</summary>
public sealed record CallResource(
    string CallSid,
    string AccountSid,
    string? CallId,
    string Direction,
    string From,
    string To,
    string CallStatus,
    int? SipStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? EndedAt,
    int Duration,
    string? ApplicationSid,
    string? ParentCallSid,
    string? CallerName)
{
    /// <summary>What the application asked for and was not done (shown on one call, not in lists); null when nothing was.</summary>
    public IReadOnlyList<CallWarning>? Warnings { get; init; }

    /// <summary>A Switchboard extension: why the call ended (<c>media timeout</c>, <c>script error: ...</c>, the SIP reason).</summary>
    public string? EndReason { get; init; }

    /// <summary>A Switchboard extension: who ended the call (<c>caller</c>, <c>callee</c>, <c>application</c>, <c>api</c> or <c>system</c>).</summary>
    public string? HangupBy { get; init; }

    public static CallResource Of(CallRecord call, DateTimeOffset now) => new(
        call.Sid, call.AccountSid, call.SipCallId, call.Direction, call.From, call.To,
        JambonzCallStatus.Of(call.Status, call.SipStatus), call.SipStatus, call.CreatedAt, call.AnsweredAt, call.EndedAt,
        CallDuration.Seconds(call.AnsweredAt, call.EndedAt, now), call.ApplicationSid, call.ParentCallSid, call.CallerName)
    {
        EndReason = call.EndReason,
        HangupBy = call.HangupBy,
    };
}
