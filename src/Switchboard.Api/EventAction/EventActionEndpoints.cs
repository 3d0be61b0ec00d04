using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Switchboard.Api.Auth;
using Switchboard.Api.Idempotency;
using Switchboard.Api.OpenApi;
using Switchboard.Api.Problems;
using Switchboard.Api.Timeline;
using Switchboard.Api.V1.Recordings;
using Switchboard.Calls.Engine;
using Switchboard.Storage.Calls;
using Switchboard.Storage.Carriers;

namespace Switchboard.Api.EventAction;

/// <summary>The event/action API (seed 004, Webex Connect's voice API v1): <c>POST /v1/voice/calls</c> makes a call.</summary>
public static class EventActionEndpoints
{
    public static IEndpointRouteBuilder MapEventActionApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/v1/voice/calls", CreateAsync).WithIdempotency("event-action")
            .WithSummary("Make a call whose events go to callbackUrl and whose actions come back in the answers")
            .PlacesCalls();
        endpoints.MapGet("/v1/voice/calls/{sessionId}/events", ListEventsAsync)
            .WithSummary("A session's timeline: status changes, actions, events posted to the callback URL, recordings, oldest first")
            .Produces<TimelineEvent[]>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<IResult> ListEventsAsync(HttpContext context, string sessionId, ICallStore calls, CallTimeline timeline)
    {
        var call = await calls.FindAsync(context.Account().Sid, sessionId, context.RequestAborted).ConfigureAwait(false);
        if (call is null)
        {
            return ApiProblem.NotFound($"no session {sessionId}");
        }

        var events = await timeline.ReadAsync(call, context.RequestAborted).ConfigureAwait(false);
        return Results.Json(events, TimelineJsonContext.Default.IReadOnlyListTimelineEvent);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, CallEngine engine, EventActionCalls calls, IVoipCarrierStore carriers)
    {
        var accountSid = context.Account().Sid;
        var cancellationToken = context.RequestAborted;
        CallTargetField.Set(context, "dialedNumber");
        var request = await JsonBody.ReadAsync(context, MakeCallRequestReader.Read).ConfigureAwait(false);
        var target = CallTarget.Phone(request.DialedNumber);
        if (request.Trunk is { } trunk)
        {
            var carrier = await carriers.FindByNameAsync(accountSid, trunk, cancellationToken).ConfigureAwait(false)
                ?? throw new ValidationException("trunk", $"no carrier named '{trunk}' in the account");
            target = target with { Carrier = CarrierRoute.Of(carrier), TrunkName = trunk };
        }

        var eventContext = new EventActionContext(request.CallbackUrl, request.CorrelationId, RecordingUrls.CollectionUrl(context.Request, accountSid));
        var recordingSid = request.Record is null ? null : Guid.NewGuid().ToString();
        var (script, sink, queue) = calls.Prepare(eventContext, recordingSid);
        var callRequest = new CallRequest(accountSid, request.CallerId, null, null, target, request.RingTimeout, [], script, sink)
        {
            Dialect = CallDialect.EventAction,
            RecordAll = request.Record is not null,
            RecordingSid = recordingSid,
            RecordLimit = request.Record is { } limit && limit > TimeSpan.Zero ? limit : null,
            Amd = new AmdSettings(EventActionCalls.VoicemailDetection, script),
        };
        var placed = await EngineRefusal.StartOrUndoAsync(engine.PlaceCallAsync(callRequest, cancellationToken), queue.Complete).ConfigureAwait(false);
        return Results.Json(new MakeCallResponse(placed.Sid, request.CorrelationId), EventActionJsonContext.Default.MakeCallResponse, statusCode: StatusCodes.Status202Accepted);
    }
}
