using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Switchboard.Api.Auth;
using Switchboard.Api.Idempotency;
using Switchboard.Api.OpenApi;
using Switchboard.Api.Problems;
using Switchboard.Api.Timeline;
using Switchboard.Calls.Callbacks;
using Switchboard.Calls.Engine;
using Switchboard.Storage.Callbacks;
using Switchboard.Storage.Calls;
using Switchboard.Webhooks.Outbox;

namespace Switchboard.Api.Callback;

/// <summary>The Callback API (seeds 000 and 001): <c>/voice/call/callback</c> connects two parties.</summary>
public static class CallbackEndpoints
{
    public static IEndpointRouteBuilder MapCallbackApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/voice/call/callback", CreateAsync).WithIdempotency("callback")
            .WithSummary("Connect two parties, called one after the other or at once")
            .Produces<CallbackCreated>(StatusCodes.Status201Created)
            .PlacesCalls();
        endpoints.MapGet("/voice/call/callback/{sid}", GetAsync)
            .WithSummary("A session and both its legs")
            .Produces<CallbackSessionResource>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        endpoints.MapGet("/voice/call/callback/{sid}/events", ListEventsAsync)
            .WithSummary("A session's timeline: both legs' status changes, verbs, webhooks and recordings, oldest first, each naming its leg")
            .Produces<TimelineEvent[]>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        endpoints.MapDelete("/voice/call/callback/{sid}", DeleteAsync)
            .WithSummary("End a session: both legs hung up or canceled")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<IResult> CreateAsync(HttpContext context, CallbackSessions sessions, WebhookOutbox outbox, TimeProvider timeProvider)
    {
        var accountSid = context.Account().Sid;
        var cancellationToken = context.RequestAborted;
        var request = await JsonBody.ReadAsync(context, CallbackRequestReader.Read).ConfigureAwait(false);
        var targetA = await CallbackLegTargets.ResolveAsync(context.RequestServices, accountSid, request.LegA, CallbackLegNames.LegA, cancellationToken).ConfigureAwait(false);
        var targetB = await CallbackLegTargets.ResolveAsync(context.RequestServices, accountSid, request.LegB, CallbackLegNames.LegB, cancellationToken).ConfigureAwait(false);
        var (sessionSid, legASid, legBSid) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        var events = new CallbackEvents(sessionSid, legASid, legBSid, request.Callback, outbox, timeProvider);
        var sessionRequest = new CallbackSessionRequest(
            accountSid,
            Plan(request.LegA, targetA, events.ForLeg(CallbackLeg.A)),
            Plan(request.LegB, targetB, events.ForLeg(CallbackLeg.B)),
            request.Mode,
            request.First,
            events.Notifier)
        {
            Sid = sessionSid,
            LegASid = legASid,
            LegBSid = legBSid,
            Announcement = request.Announcement,
            HoldAudio = request.HoldAudio,
            Record = request.Record,
            TimeLimit = request.TimeLimit,
        };

        CallTargetField.Set(context, FirstCalled(request) + ".to");
        var started = await EngineRefusal.StartOrUndoAsync(sessions.StartAsync(sessionRequest, cancellationToken), events.Abandon).ConfigureAwait(false);
        var legs = new Dictionary<string, CallbackLegSid>
        {
            [CallbackLegNames.LegA] = new(started.LegASid),
            [CallbackLegNames.LegB] = new(started.LegBSid),
        };
        return Results.Json(new CallbackCreated(started.Sid, legs), CallbackJsonContext.Default.CallbackCreated, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> GetAsync(HttpContext context, string sid, ICallbackSessionStore store, ICallStore calls, TimeProvider timeProvider)
    {
        var accountSid = context.Account().Sid;
        var session = await store.FindAsync(accountSid, sid, context.RequestAborted).ConfigureAwait(false);
        if (session is null)
        {
            return ApiProblem.NotFound($"no callback session {sid}");
        }

        var legA = await calls.FindAsync(accountSid, session.LegASid, context.RequestAborted).ConfigureAwait(false);
        var legB = await calls.FindAsync(accountSid, session.LegBSid, context.RequestAborted).ConfigureAwait(false);
        var now = timeProvider.GetUtcNow();
        var resource = new CallbackSessionResource(
            session.Sid, session.Status, session.Mode, session.FirstLeg, session.CreatedAt, session.BridgedAt, session.EndedAt,
            session.FailedLeg, session.Reason, session.RecordingSid,
            new Dictionary<string, CallbackLegResource>
            {
                [CallbackLegNames.LegA] = Leg(session.LegASid, session.LegATo, session.LegAFrom, legA, now),
                [CallbackLegNames.LegB] = Leg(session.LegBSid, session.LegBTo, session.LegBFrom, legB, now),
            });
        return Results.Json(resource, CallbackJsonContext.Default.CallbackSessionResource);
    }

    private static async Task<IResult> ListEventsAsync(HttpContext context, string sid, ICallbackSessionStore store, ICallStore calls, CallTimeline timeline)
    {
        var accountSid = context.Account().Sid;
        var session = await store.FindAsync(accountSid, sid, context.RequestAborted).ConfigureAwait(false);
        if (session is null)
        {
            return ApiProblem.NotFound($"no callback session {sid}");
        }

        var legs = new List<(string?, CallRecord)>();
        foreach (var (leg, legSid) in new[] { (CallbackLegNames.LegA, session.LegASid), (CallbackLegNames.LegB, session.LegBSid) })
        {
            // A leg never placed (sequential mode, the first leg unanswered) has no call and nothing to show.
            if (await calls.FindAsync(accountSid, legSid, context.RequestAborted).ConfigureAwait(false) is { } call)
            {
                legs.Add((leg, call));
            }
        }

        var events = await timeline.ReadAsync(session.Sid, legs, context.RequestAborted).ConfigureAwait(false);
        return Results.Json(events, TimelineJsonContext.Default.IReadOnlyListTimelineEvent);
    }

    /// <summary>Ends the session: both legs are hung up (or canceled while ringing). An ended session stays as it is.</summary>
    private static async Task<IResult> DeleteAsync(HttpContext context, string sid, ICallbackSessionStore store, CallbackSessions sessions)
    {
        var session = await store.FindAsync(context.Account().Sid, sid, context.RequestAborted).ConfigureAwait(false);
        if (session is null)
        {
            return ApiProblem.NotFound($"no callback session {sid}");
        }

        sessions.Hangup(sid);
        return Results.NoContent();
    }

    private static CallbackLegPlan Plan(CallbackLegRequest leg, CallTarget target, ICallEventSink sink) =>
        new(target, leg.From, leg.CallerName, leg.RingTimeout, leg.Headers, sink) { Tag = leg.Tag };

    private static CallbackLegResource Leg(string sid, string to, string from, CallRecord? call, DateTimeOffset now) => new(
        sid, to, from, CallbackLegStatusNames.OfStored(call?.Status), call?.ParentCallSid, call?.AnsweredAt, call?.EndedAt,
        call is null ? 0 : CallDuration.Seconds(call.AnsweredAt, call.EndedAt, now))
    {
        EndReason = call?.EndReason,
        HangupBy = call?.HangupBy,
    };

    /// <summary>The leg placed while the request waits: the one whose routing can fail it.</summary>
    private static string FirstCalled(CallbackRequest request) =>
        request.Mode == CallbackMode.Sequential ? request.First.ToWire() : CallbackLegNames.LegA;
}
