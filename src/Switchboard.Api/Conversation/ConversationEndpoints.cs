using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Switchboard.Api.Auth;
using Switchboard.Api.Conversation.Escalation;
using Switchboard.Api.Idempotency;
using Switchboard.Api.OpenApi;
using Switchboard.Api.Problems;
using Switchboard.Api.Timeline;
using Switchboard.Calls.Durability;
using Switchboard.Calls.Engine;
using Switchboard.Storage.Calls;
using Switchboard.Storage.Escalations;
using Switchboard.Webhooks;
using Switchboard.Webhooks.Outbox;

namespace Switchboard.Api.Conversation;

/// <summary>
/// The Conversation API (seed 002): <c>POST /voice/conversation</c>, and for an escalation (a Switchboard extension)
/// <c>GET</c> and <c>DELETE /voice/conversation/{conversationTrackingId}</c>.
/// </summary>
public static class ConversationEndpoints
{
    /// <summary>How long a COLLECT waits for its <c>eventUrl</c> to answer before the plan goes on as written, unless configured.</summary>
    public static readonly TimeSpan EventUrlReplyTimeout = WebhookOptions.Default.ReplyTimeout;

    public static IEndpointRouteBuilder MapConversationApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/voice/conversation", CreateAsync).WithIdempotency("conversation")
            .WithSummary("Place a call that runs a dial plan")
            .Produces<ConversationResponse>()
            .PlacesCalls();
        endpoints.MapGet("/voice/conversation/{conversationTrackingId}", GetAsync)
            .WithSummary("Where an escalation stands (Switchboard extension)")
            .Produces<EscalationResource>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        endpoints.MapDelete("/voice/conversation/{conversationTrackingId}", DeleteAsync)
            .WithSummary("Stop an escalation (Switchboard extension)")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        endpoints.MapGet("/voice/conversation/{trackingId}/events", ListEventsAsync)
            .WithSummary("A conversation's timeline (by trackingId), or an escalation's (by conversationTrackingId), oldest first")
            .Produces<TimelineEvent[]>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<IResult> CreateAsync(HttpContext context, CallEngine engine, WebhookOutbox outbox, Escalations escalations, TimeProvider timeProvider)
    {
        var cancellationToken = context.RequestAborted;
        CallTargetField.Set(context, "to.phone");
        var (request, requestText) = await JsonBody.ReadAsync(context, body => (ConversationRequestReader.Read(body), body.GetRawText())).ConfigureAwait(false);
        var conversationTrackingId = Guid.NewGuid().ToString();
        PlacedCall placed;
        if (request.Escalation is not null)
        {
            placed = await escalations.StartAsync(context.Account().Sid, conversationTrackingId, requestText, request, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var queue = outbox.OpenQueue();
            var callRequest = new CallRequest(
                context.Account().Sid,
                request.From,
                FromDisplayName: null,
                FromHost: null,
                CallTarget.Phone(request.Phone),
                request.RingTimeout,
                Headers: [],
                new ConversationScriptSource(conversationTrackingId, request.Verbs, outbox, outbox.Options.ReplyTimeout),
                new DurableCallEventSink(new ConversationEventSink(conversationTrackingId, request.Callback, queue, timeProvider), queue))
            {
                Dialect = CallDialect.Conversation,
                CreateLegSink = ConversationEventSink.ForDialLegs(conversationTrackingId, request.Callback, outbox, timeProvider),
            };
            placed = await EngineRefusal.StartOrUndoAsync(engine.PlaceCallAsync(callRequest, cancellationToken), queue.Complete).ConfigureAwait(false);
        }

        var response = new ConversationResponse(placed.Sid, conversationTrackingId, "Queued", request.From, request.Phone, placed.CreatedAt);
        return Results.Json(response, ConversationJsonContext.Default.ConversationResponse);
    }

    /// <summary>Where an escalation stands: its plan, state, outcome and every attempt. A plain conversation has no such resource.</summary>
    private static async Task<IResult> GetAsync(HttpContext context, string conversationTrackingId, IEscalationStore store)
    {
        var escalation = await store.FindAsync(context.Account().Sid, conversationTrackingId, context.RequestAborted).ConfigureAwait(false);
        if (escalation is null)
        {
            return ApiProblem.NotFound($"no escalation {conversationTrackingId}");
        }

        var resource = EscalationViews.Resource(escalation, Escalations.ReadStored(escalation.Request));
        return Results.Json(resource, EscalationJsonContext.Default.EscalationResource);
    }

    /// <summary>
    /// A call's timeline by the <c>trackingId</c> its POST answered with; or, by an escalation's <c>conversationTrackingId</c>,
    /// the timelines of all its attempts in one (each entry naming its call) with the escalation's own posts.
    /// </summary>
    private static async Task<IResult> ListEventsAsync(HttpContext context, string trackingId, ICallStore calls, IEscalationStore escalations, CallTimeline timeline)
    {
        var accountSid = context.Account().Sid;
        var cancellationToken = context.RequestAborted;
        if (await calls.FindAsync(accountSid, trackingId, cancellationToken).ConfigureAwait(false) is { } call)
        {
            return Results.Json(await timeline.ReadAsync(call, cancellationToken).ConfigureAwait(false), TimelineJsonContext.Default.IReadOnlyListTimelineEvent);
        }

        var escalation = await escalations.FindAsync(accountSid, trackingId, cancellationToken).ConfigureAwait(false);
        if (escalation is null)
        {
            return ApiProblem.NotFound($"no conversation {trackingId}");
        }

        var attempts = new List<(string?, CallRecord)>();
        foreach (var attempt in escalation.Attempts)
        {
            if (await calls.FindAsync(accountSid, attempt.CallSid, cancellationToken).ConfigureAwait(false) is { } attemptCall)
            {
                attempts.Add((null, attemptCall));
            }
        }

        var events = await timeline.ReadAsync(escalation.Sid, attempts, cancellationToken).ConfigureAwait(false);
        return Results.Json(events, TimelineJsonContext.Default.IReadOnlyListTimelineEvent);
    }

    /// <summary>Stops a running escalation: its live call is hung up and nobody else is called. An ended one stays as it is.</summary>
    private static async Task<IResult> DeleteAsync(HttpContext context, string conversationTrackingId, IEscalationStore store, Escalations escalations)
    {
        var escalation = await store.FindAsync(context.Account().Sid, conversationTrackingId, context.RequestAborted).ConfigureAwait(false);
        if (escalation is null)
        {
            return ApiProblem.NotFound($"no escalation {conversationTrackingId}");
        }

        escalations.Stop(conversationTrackingId);
        return Results.NoContent();
    }
}
