using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Switchboard.Api.Auth;
using Switchboard.Api.Idempotency;
using Switchboard.Api.Problems;
using Switchboard.Calls.Durability;
using Switchboard.Calls.Engine;
using Switchboard.Calls.Limits;
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
        ConversationRequest request;
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, default, cancellationToken).ConfigureAwait(false);
            request = ConversationRequestReader.Read(body.RootElement);
        }
        catch (JsonException invalidJson)
        {
            return ApiProblem.Invalid("$", "the body is not valid JSON: " + invalidJson.Message);
        }
        catch (ValidationException invalid)
        {
            return ApiProblem.Invalid(invalid.Error);
        }

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
            new DurableCallEventSink(new ConversationEventSink(conversationTrackingId, request.Callback, queue, timeProvider), queue));
        PlacedCall placed;
        try
        {
            placed = await engine.PlaceCallAsync(callRequest, cancellationToken).ConfigureAwait(false);
        }
        catch (NoRouteException noRoute)
        {
            queue.Complete();
            return ApiProblem.Unroutable("to.phone", noRoute.Message);
        }
        catch (CallNotPlacedException notPlaced)
        {
            queue.Complete();
            return ApiProblem.Unavailable(notPlaced.Message);
        }
        catch (CallRefusedException refused)
        {
            queue.Complete();
            return AdmissionProblems.Refused(refused.Decision);
        }

        var response = new ConversationResponse(placed.Sid, conversationTrackingId, "Queued", request.From, request.Phone, placed.CreatedAt);
        return Results.Json(response, ConversationJsonContext.Default.ConversationResponse);
    }
}
