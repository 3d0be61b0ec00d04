using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Switchboard.Api.Auth;
using Switchboard.Api.Idempotency;
using Switchboard.Api.Problems;
using Switchboard.Calls.Durability;
using Switchboard.Calls.Engine;
using Switchboard.Webhooks;
using Switchboard.Webhooks.Outbox;

namespace Switchboard.Api.Conversation;

/// <summary>The Conversation API (seed 002): <c>POST /voice/conversation</c>.</summary>
public static class ConversationEndpoints
{
    /// <summary>How long a COLLECT waits for its <c>eventUrl</c> to answer before the plan goes on as written, unless configured.</summary>
    public static readonly TimeSpan EventUrlReplyTimeout = WebhookOptions.Default.ReplyTimeout;

    public static IEndpointRouteBuilder MapConversationApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/voice/conversation", CreateAsync).WithIdempotency("conversation");
        return endpoints;
    }

    private static async Task<IResult> CreateAsync(HttpContext context, CallEngine engine, WebhookOutbox outbox, TimeProvider timeProvider)
    {
        var cancellationToken = context.RequestAborted;
        CallTargetField.Set(context, "to.phone");
        var request = await JsonBody.ReadAsync(context, ConversationRequestReader.Read).ConfigureAwait(false);
        var conversationTrackingId = Guid.NewGuid().ToString();
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
            CreateLegSink = ConversationEventSink.ForDialLegs(conversationTrackingId, request.Callback, outbox, timeProvider),
        };
        var placed = await EngineRefusal.StartOrUndoAsync(engine.PlaceCallAsync(callRequest, cancellationToken), queue.Complete).ConfigureAwait(false);
        var response = new ConversationResponse(placed.Sid, conversationTrackingId, "Queued", request.From, request.Phone, placed.CreatedAt);
        return Results.Json(response, ConversationJsonContext.Default.ConversationResponse);
    }
}
