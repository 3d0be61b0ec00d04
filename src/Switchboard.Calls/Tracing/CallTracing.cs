using System.Diagnostics;

namespace Switchboard.Calls.Tracing;

/// <summary>
/// One activity per call (source <see cref="SourceName"/>), in the trace whose id is the call sid's 16 bytes: the
/// <c>trace_id</c> the Calls API already sends on every hook, so a trace, a webhook and a log line of the same call
/// find each other. Work the call's loop starts (the hooks it asks) runs inside it; the request that placed the call
/// is linked, not a parent, since the call outlives it.
/// </summary>
public static class CallTracing
{
    public const string SourceName = "Switchboard.Calls";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>The call's trace id: its sid's bytes (a sid that is no GUID gets a trace of its own).</summary>
    public static ActivityTraceId TraceIdOf(string callSid) =>
        Guid.TryParse(callSid, out var sid) ? ActivityTraceId.CreateFromString(sid.ToString("N")) : ActivityTraceId.CreateRandom();

    /// <summary>Starts the call's activity, or returns null when nobody listens (tracing is not configured).</summary>
    internal static Activity? StartCall(string callSid, string? sipCallId, string dialect, string direction)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        // A parent with the call's trace id and no span: the call is the trace's root.
        var root = new ActivityContext(TraceIdOf(callSid), default, ActivityTraceFlags.Recorded);
        ActivityLink[]? links = Activity.Current is { } placedBy ? [new ActivityLink(placedBy.Context)] : null;
        var activity = Source.StartActivity("call", ActivityKind.Internal, root, links: links);
        activity?.SetTag("switchboard.call.sid", callSid)
            .SetTag("sip.call_id", sipCallId)
            .SetTag("switchboard.dialect", dialect)
            .SetTag("switchboard.direction", direction);
        return activity;
    }

    /// <summary>
    /// Marks a status change on the call's activity (current on the call's loop): the SIP side of the call, as the
    /// trace shows it.
    /// </summary>
    internal static void StatusChanged(string status, int? sipStatus)
    {
        if (Activity.Current is { Source.Name: SourceName } call)
        {
            call.AddEvent(new ActivityEvent("call.status", tags: new ActivityTagsCollection { ["status"] = status, ["sip.status"] = sipStatus }));
        }
    }

    /// <summary>Ends the call's activity with its final status.</summary>
    internal static void EndCall(Activity? activity, string status)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag("switchboard.call.status", status);
        if (status == "failed")
        {
            activity.SetStatus(ActivityStatusCode.Error);
        }

        activity.Stop();
    }
}
