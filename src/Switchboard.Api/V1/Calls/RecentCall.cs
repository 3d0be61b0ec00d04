using Switchboard.Calls.Engine;
using Switchboard.Storage.Calls;

namespace Switchboard.Api.V1.Calls;

/// <summary>
/// A finished call as jambonz's <c>RecentCalls</c> lists it (a call detail record): times are milliseconds since
/// 1970, as there.
/// </summary>
public sealed record RecentCall(
    string AccountSid,
    string CallSid,
    string From,
    string To,
    bool Answered,
    string? SipCallid,
    int? SipStatus,
    int Duration,
    long AttemptedAt,
    long? AnsweredAt,
    long TerminatedAt,
    string Direction,
    string CallStatus,
    string? ApplicationSid,
    string? ParentCallSid)
{
    public static RecentCall Of(CallRecord call) => new(
        call.AccountSid,
        call.Sid,
        call.From,
        call.To,
        call.AnsweredAt is not null,
        call.SipCallId,
        call.SipStatus,
        CallDuration.Seconds(call.AnsweredAt, call.EndedAt, call.EndedAt ?? call.CreatedAt),
        call.CreatedAt.ToUnixTimeMilliseconds(),
        call.AnsweredAt?.ToUnixTimeMilliseconds(),
        (call.EndedAt ?? call.CreatedAt).ToUnixTimeMilliseconds(),
        call.Direction,
        JambonzCallStatus.Of(call.Status, call.SipStatus),
        call.ApplicationSid,
        call.ParentCallSid);
}
