using Switchboard.Calls.Engine;

namespace Switchboard.Api.EventAction;

/// <summary>
/// Why a call (or a PATCH's call to the patched party) ended, as DROPPED reports it: <c>status</c>, <c>droppedBy</c>
/// and <c>error {code, message}</c>. The codes are documented in docs/api/event-action.md; 2008 is the seed's own.
/// </summary>
public sealed record DropCause(string Status, string DroppedBy, string Code, string Message)
{
    public const string Caller = "CALLER";
    public const string Callee = "CALLEE";
    public const string Application = "APPLICATION";
    public const string System = "SYSTEM";

    /// <summary>The cause of <paramref name="change"/>, a call's final status.</summary>
    public static DropCause Of(CallStatusChanged change)
    {
        var call = change.Call;
        var farEnd = call.Direction == "inbound" ? Caller : Callee;
        var reason = change.Reason ?? "ended";
        return (call.Status, change.EndedBy) switch
        {
            (_, null) => new(ResultEvents.Failure, System, "2009", reason),
            (CallStatus.Completed or CallStatus.Canceled, CallEndedBy.FarEnd) => new(ResultEvents.Success, farEnd, "2008", "Call Dropped by Network/End user"),
            // REJECT's 603 Decline is busy to the engine (a refusal means what its status code means).
            (CallStatus.Failed or CallStatus.Busy, CallEndedBy.Application) when change.SipStatus == ActionReader.RejectStatus =>
                new(ResultEvents.Success, Application, "2004", "Call rejected by the application: " + reason),
            (CallStatus.Failed, CallEndedBy.Application) => new(ResultEvents.Failure, Application, "2005", "Application error: " + reason),
            // A HANGUP (or no action) ends an answered call, and refuses one still ringing (480 makes it no-answer).
            (_, CallEndedBy.Application or CallEndedBy.Api) => new(ResultEvents.Success, Application, "2000", "Call ended by the application"),
            (CallStatus.Completed, CallEndedBy.Server) => new(ResultEvents.Success, System, "2009", reason),
            (CallStatus.NoAnswer, CallEndedBy.Server) => new(ResultEvents.Failure, System, "2001", "No answer"),
            (CallStatus.NoAnswer or CallStatus.Busy or CallStatus.Failed, CallEndedBy.FarEnd) =>
                OfUnanswered(call.Status, change.SipStatus) with { DroppedBy = farEnd },
            _ => new(ResultEvents.Failure, System, "2009", reason),
        };
    }

    /// <summary>Why a call nobody answered ended: no answer, busy, or failed with the SIP status given.</summary>
    public static DropCause OfUnanswered(CallStatus status, int? sipStatus) => status switch
    {
        CallStatus.NoAnswer or CallStatus.Canceled => new(ResultEvents.Failure, Callee, "2001", "No answer"),
        CallStatus.Busy => new(ResultEvents.Failure, Callee, "2002", "Busy"),
        _ => new(ResultEvents.Failure, Callee, "2003", sipStatus is { } code ? $"Call failed (SIP {code})" : "Call failed"),
    };
}
