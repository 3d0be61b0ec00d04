using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Api.Auth;
using Switchboard.Api.Idempotency;
using Switchboard.Api.OpenApi;
using Switchboard.Api.Problems;
using Switchboard.Api.Timeline;
using Switchboard.Api.V1.Common;
using Switchboard.Api.V1.Hooks;
using Switchboard.Api.V1.Recordings;
using Switchboard.Api.V1.Scoping;
using Switchboard.Calls.Engine;
using Switchboard.Storage.Clients;
using Switchboard.Storage.Applications;
using Switchboard.Storage.Calls;
using Switchboard.Storage.Carriers;
using Switchboard.Webhooks.Outbox;

namespace Switchboard.Api.V1.Calls;

/// <summary>
/// The Calls API (seed 003, jambonz-compatible): <c>/v1/Accounts/{account_sid}/Calls</c> to place, list, inspect,
/// control and hang up calls.
/// </summary>
public static class CallsEndpoints
{
    private static readonly string[] LiveStatuses =
        [.. Enum.GetValues<CallStatus>().Where(status => !status.IsFinal()).Select(status => status.ToWire())];

    public static IEndpointRouteBuilder MapCallsApi(this IEndpointRouteBuilder endpoints)
    {
        foreach (var scope in new[] { endpoints.MapAccountScope(), endpoints.MapOwnAccountScope() })
        {
            var calls = scope.MapGroup("/Calls").WithTags(TagDocumentTransformer.Calls);
            calls.MapPost(string.Empty, CreateAsync).WithIdempotency("calls")
                .WithSummary("Place a call whose application answers with verbs")
                .Produces(StatusCodes.Status201Created)
                .PlacesCalls()
                .AddOpenApiOperationTransformer(CallsOperations.DescribeCreateAsync);
            calls.MapGet(string.Empty, ListAsync)
                .WithSummary("List the account's calls, filtered, newest first, a page at a time")
                .Produces<CallResource[]>()
                .AddOpenApiOperationTransformer(CallsOperations.DescribeListAsync);
            calls.MapGet("/{call_sid}", GetAsync)
                .WithSummary("A call, with what its application asked for and was not done")
                .Produces<CallResource>();
            calls.MapGet("/{call_sid}/Events", ListEventsAsync)
                .WithSummary("A call's timeline: status changes, verbs, webhooks, recordings and AMD decisions, oldest first")
                .Produces<TimelineEvent[]>();
            calls.MapPut("/{call_sid}", UpdateAsync)
                .WithSummary("Control a live call: redirect, hang up, mute, pause a listen, send keys, a SIP request or a whisper")
                .Produces(StatusCodes.Status202Accepted)
                .Produces<SipRequestAnswered>()
                .AddOpenApiOperationTransformer(CallsOperations.DescribeUpdateAsync);
            // jambonz's client library updates a call with POST (its older form); it means the same as PUT.
            calls.MapPost("/{call_sid}", UpdateAsync)
                .WithSummary("Control a live call (the POST form jambonz's client library sends; the same as PUT)")
                .Produces(StatusCodes.Status202Accepted)
                .Produces<SipRequestAnswered>()
                .AddOpenApiOperationTransformer(CallsOperations.DescribeUpdateAsync);
            calls.MapDelete("/{call_sid}", DeleteAsync)
                .WithSummary("Hang up a call (a ringing call is canceled); a call that has ended stays as it is")
                .Produces(StatusCodes.Status204NoContent);
            scope.MapGet("/RecentCalls", ListRecentAsync)
                .WithTags(TagDocumentTransformer.Calls)
                .WithSummary("Calls that have ended, newest first, a page at a time (jambonz's call detail records)")
                .Produces<RecentCallsPage>()
                .AddOpenApiOperationTransformer(CallsOperations.DescribeRecentAsync);
            scope.MapGet("/CallCount", CountLiveAsync)
                .WithTags(TagDocumentTransformer.Calls)
                .WithSummary("How many calls of the account have not ended, by direction")
                .Produces<CallCount>();
        }

        return endpoints;
    }

    private static async Task<IResult> CreateAsync(HttpContext context, CallEngine engine, WebhookOutbox outbox, TimeProvider timeProvider)
    {
        var accountSid = context.TargetAccount().Sid;
        var cancellationToken = context.RequestAborted;
        CallTargetField.Set(context, "to");
        var request = await JsonBody.ReadAsync(context, CreateCallRequestReader.Read).ConfigureAwait(false);
        var application = await FindApplicationAsync(context, accountSid, request.ApplicationSid, cancellationToken).ConfigureAwait(false);
        var target = await CallTargetResolver.ResolveAsync(context.RequestServices, accountSid, request.To, cancellationToken).ConfigureAwait(false);
        var callContext = new CallContext(application?.Sid, request.CallerName);
        var callHook = request.CallHook ?? application!.CallHook;
        var statusHook = request.CallStatusHook ?? application?.CallStatusHook;
        var queue = outbox.OpenQueue();
        var speech = ApplicationSpeech.Of(application).With(request.Speech);
        var script = new HookScriptSource(callHook, callContext, outbox, outbox.Options.ReplyTimeout, DialTrunksOf(context, accountSid))
        {
            RecordingsUrl = RecordingUrls.CollectionUrl(context.Request, accountSid),
        };
        var callRequest = new CallRequest(
            accountSid,
            request.From,
            request.CallerName,
            request.FromHost,
            target,
            request.RingTimeout,
            request.Headers,
            script,
            StatusHookSink.Durable(statusHook, callContext, queue, timeProvider))
        {
            ApplicationSid = application?.Sid,
            Dialect = CallDialect.Calls,
            CreateLegSink = StatusHookSink.ForDialLegs(statusHook, callContext, outbox, timeProvider),
            Tag = request.Tag,
            TimeLimit = request.TimeLimit,
            Speech = speech,
            Recognizer = ApplicationSpeech.RecognizerOf(application).With(request.Recognizer),
            RecordAll = application?.RecordAllCalls ?? false,
            Amd = request.Amd is { } amd ? new AmdSettings(amd.Options, new AmdHookSource(amd.ActionHook, script, callContext)) { Recognizer = amd.Recognizer } : null,
        };

        var placed = await EngineRefusal.StartOrUndoAsync(engine.PlaceCallAsync(callRequest, cancellationToken), queue.Complete).ConfigureAwait(false);
        return Results.Json(new CallCreated(placed.Sid, placed.SipCallId), CallsJsonContext.Default.CallCreated, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> ListAsync(HttpContext context, ICallStore store, TimeProvider timeProvider)
    {
        var accountSid = context.TargetAccount().Sid;
        var query = CallQuery.Read(context.Request.Query);
        var page = await store.ListPageAsync(accountSid, query.Filter, query.Page, context.RequestAborted).ConfigureAwait(false);
        var now = timeProvider.GetUtcNow();
        return PagedResults.Json(context, page, call => CallResource.Of(call, now), CallsJsonContext.Default.CallResourceArray);
    }

    /// <summary>jambonz's call detail records: finished calls, newest first, a page at a time.</summary>
    private static async Task<IResult> ListRecentAsync(HttpContext context, ICallStore store, TimeProvider timeProvider)
    {
        var query = RecentCallsQuery.Read(context.Request.Query, timeProvider.GetUtcNow());
        var page = await store.PageAsync(context.TargetAccount().Sid, query.Filter, query.Offset, query.Count, context.RequestAborted).ConfigureAwait(false);
        var data = page.Calls.Select(RecentCall.Of).ToList();
        return Results.Json(new RecentCallsPage(page.Total, data.Count, query.Page, data), CallsJsonContext.Default.RecentCallsPage);
    }

    private static async Task<IResult> CountLiveAsync(HttpContext context, ICallStore store)
    {
        var counts = await store.CountLiveByDirectionAsync(context.TargetAccount().Sid, LiveStatuses, context.RequestAborted).ConfigureAwait(false);
        return Results.Json(new CallCount(counts.GetValueOrDefault("inbound"), counts.GetValueOrDefault("outbound")), CallsJsonContext.Default.CallCount);
    }

    private static async Task<IResult> GetAsync(HttpContext context, string call_sid, ICallStore store, TimeProvider timeProvider)
    {
        var call = await FindCallAsync(context, call_sid, store).ConfigureAwait(false);
        if (call is null)
        {
            return ApiProblem.NotFound($"no call {call_sid}");
        }

        var warnings = CallWarning.Of(await store.ListEventsAsync(call.Sid, context.RequestAborted).ConfigureAwait(false));
        var resource = CallResource.Of(call, timeProvider.GetUtcNow()) with { Warnings = warnings.Count == 0 ? null : warnings };
        return Results.Json(resource, CallsJsonContext.Default.CallResource);
    }

    private static async Task<IResult> ListEventsAsync(HttpContext context, string call_sid, ICallStore store, CallTimeline timeline)
    {
        var call = await FindCallAsync(context, call_sid, store).ConfigureAwait(false);
        if (call is null)
        {
            return ApiProblem.NotFound($"no call {call_sid}");
        }

        var events = await timeline.ReadAsync(call, context.RequestAborted).ConfigureAwait(false);
        return Results.Json(events, TimelineJsonContext.Default.IReadOnlyListTimelineEvent);
    }

    private static async Task<IResult> UpdateAsync(HttpContext context, string call_sid, ICallStore store, CallEngine engine)
    {
        var call = await FindCallAsync(context, call_sid, store).ConfigureAwait(false);
        if (call is null)
        {
            return ApiProblem.NotFound($"no call {call_sid}");
        }

        var update = await JsonBody.ReadAsync(context, LiveCallUpdateReader.Read).ConfigureAwait(false);
        if (update.ChildCallHook is { } childHook
            && await engine.RedirectChildAsync(call_sid, childHook, context.RequestAborted).ConfigureAwait(false) is var adopted and not DialControlOutcome.Done)
        {
            return DialControlRefused(call, adopted, "child_call_hook");
        }

        if (!update.ApplyTo(engine, call_sid))
        {
            return CallEnded(call);
        }

        if (update.Whisper is { } prompts
            && await engine.WhisperAsync(call_sid, prompts, context.RequestAborted).ConfigureAwait(false) is var whispered and not DialControlOutcome.Done)
        {
            return DialControlRefused(call, whispered, "whisper");
        }

        return update.SipRequest is { } sipRequest
            ? await SendSipRequestAsync(context, call_sid, sipRequest, engine).ConfigureAwait(false)
            : Results.Accepted();
    }

    private static IResult CallEnded(CallRecord call) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The call has ended", detail: $"call {call.Sid} is {call.Status}; only live calls can be changed");

    /// <summary>A <c>whisper</c> or <c>child_call_hook</c> needs a dial that has connected the call to another party.</summary>
    private static IResult DialControlRefused(CallRecord call, DialControlOutcome outcome, string field) => outcome == DialControlOutcome.NotLive
        ? CallEnded(call)
        : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The call is not in a connected dial",
            detail: $"{field} needs a dial that has connected call {call.Sid} to another party; none has");

    /// <summary>
    /// jambonz's live <c>sip_request</c>: sent inside the call's dialog, answered 200 with the peer's status and reason
    /// once it answered. Only an answered call has a dialog to send it in.
    /// </summary>
    private static async Task<IResult> SendSipRequestAsync(HttpContext context, string callSid, InDialogRequest request, CallEngine engine)
    {
        var answer = await engine.SendInDialogAsync(callSid, request, context.RequestAborted).ConfigureAwait(false);
        if (answer is not { WasSent: true })
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The call has no dialog",
                detail: $"call {callSid} is not answered or has ended; a sip_request needs an answered call");
        }

        return Results.Json(new SipRequestAnswered(answer.SipStatus, answer.Reason, answer.Error), CallsJsonContext.Default.SipRequestAnswered);
    }

    /// <summary>Hangs the call up (a ringing call is canceled). A call that has already ended stays as it is.</summary>
    private static async Task<IResult> DeleteAsync(HttpContext context, string call_sid, ICallStore store, CallEngine engine)
    {
        var call = await FindCallAsync(context, call_sid, store).ConfigureAwait(false);
        if (call is null)
        {
            return ApiProblem.NotFound($"no call {call_sid}");
        }

        engine.Hangup(call_sid);
        return Results.NoContent();
    }

    private static DialTrunks? DialTrunksOf(HttpContext context, string accountSid) =>
        context.RequestServices.GetService<IVoipCarrierStore>() is { } carriers
            ? new DialTrunks(carriers, context.RequestServices.GetService<IClientStore>(), accountSid)
            : null;

    private static Task<CallRecord?> FindCallAsync(HttpContext context, string callSid, ICallStore store) =>
        store.FindAsync(context.TargetAccount().Sid, callSid, context.RequestAborted);

    private static async Task<ApplicationRecord?> FindApplicationAsync(HttpContext context, string accountSid, string? applicationSid, CancellationToken cancellationToken)
    {
        if (applicationSid is null)
        {
            return null;
        }

        var applications = context.RequestServices.GetService<IApplicationStore>();
        var application = applications is null ? null : await applications.FindAsync(accountSid, applicationSid, cancellationToken).ConfigureAwait(false);
        return application ?? throw new ValidationException("application_sid", "no application with this sid in the account");
    }
}
