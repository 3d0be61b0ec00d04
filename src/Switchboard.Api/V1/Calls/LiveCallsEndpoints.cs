using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Switchboard.Api.V1.Scoping;
using Switchboard.Calls.Engine;
using Switchboard.Calls.Feed;
using Switchboard.Storage.Calls;

namespace Switchboard.Api.V1.Calls;

/// <summary>
/// <c>GET .../Calls/Live</c>: the account's live calls as a stream of server-sent events, for the console. It starts
/// with <c>calls</c> (every live call), then sends a <c>call</c> for each status change, final ones included, and a
/// <c>ping</c> after a quiet spell. A reader that falls behind gets <c>overflow</c> and the stream ends: changes were
/// lost, so it reconnects and starts from a fresh <c>calls</c>. The key travels in the Authorization header like
/// every other request's (the console reads the stream with fetch), never in the URL.
/// </summary>
public static class LiveCallsEndpoints
{
    /// <summary>How long the stream may stay silent before a <c>ping</c>, so proxies and browsers keep it open.</summary>
    public static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    private static readonly string[] LiveStatuses =
        [.. Enum.GetValues<CallStatus>().Where(status => !status.IsFinal()).Select(status => status.ToWire())];

    public static IEndpointRouteBuilder MapLiveCalls(this IEndpointRouteBuilder endpoints)
    {
        foreach (var scope in new[] { endpoints.MapAccountScope(), endpoints.MapOwnAccountScope() })
        {
            scope.MapGet("/Calls/Live", Stream)
                .WithTags("Calls")
                .WithSummary("The account's live calls as server-sent events: calls (all live now), then call (each status change), ping, overflow")
                .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        }

        return endpoints;
    }

    private enum Wait
    {
        Change,
        Quiet,
        Ended,
    }

    private static IResult Stream(HttpContext context, CallEngine engine, ICallStore store, TimeProvider time, IHostApplicationLifetime lifetime)
    {
        var accountSid = context.TargetAccount().Sid;
        // Subscribed before the live calls are read: a change in between is sent after them, never lost.
        var subscription = engine.StatusFeed.Subscribe(accountSid);
        // A stream never ends by itself; a stopping server ends it, or the host would wait for it as for a request.
        var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        // nginx holds a response back until its buffer fills unless told not to; a live view must not wait for that.
        context.Response.Headers["X-Accel-Buffering"] = "no";
        return TypedResults.ServerSentEvents(EventsAsync(accountSid, subscription, ending, store, time));
    }

    private static async IAsyncEnumerable<SseItem<string>> EventsAsync(
        string accountSid,
        CallStatusSubscription subscription,
        CancellationTokenSource ending,
        ICallStore store,
        TimeProvider time,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using (ending)
        using (subscription)
        {
            var now = time.GetUtcNow();
            var live = await store.ListInStatusAsync(LiveStatuses, ending.Token).ConfigureAwait(false);
            var calls = live.Where(call => call.AccountSid == accountSid).Select(call => CallResource.Of(call, now)).ToArray();
            yield return new SseItem<string>(JsonSerializer.Serialize(calls, CallsJsonContext.Default.CallResourceArray), "calls");

            while (true)
            {
                var wait = await WaitAsync(subscription.Changes, time, ending.Token).ConfigureAwait(false);
                if (wait == Wait.Quiet)
                {
                    yield return new SseItem<string>(string.Empty, "ping");
                    continue;
                }

                if (wait == Wait.Ended || cancellationToken.IsCancellationRequested)
                {
                    if (subscription.Overflowed)
                    {
                        yield return new SseItem<string>(string.Empty, "overflow");
                    }

                    yield break;
                }

                while (subscription.Changes.TryRead(out var call))
                {
                    yield return new SseItem<string>(JsonSerializer.Serialize(Resource(call, time.GetUtcNow()), CallsJsonContext.Default.CallResource), "call");
                }
            }
        }
    }

    /// <summary>Waits for a change, at most <see cref="KeepAlive"/>; the stream ends when the feed or <paramref name="ending"/> does.</summary>
    private static async Task<Wait> WaitAsync(ChannelReader<CallSnapshot> changes, TimeProvider time, CancellationToken ending)
    {
        using var quiet = new CancellationTokenSource(KeepAlive, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(ending, quiet.Token);
        try
        {
            return await changes.WaitToReadAsync(either.Token).ConfigureAwait(false) ? Wait.Change : Wait.Ended;
        }
        catch (OperationCanceledException)
        {
            return ending.IsCancellationRequested ? Wait.Ended : Wait.Quiet;
        }
    }

    private static CallResource Resource(CallSnapshot call, DateTimeOffset now) => new(
        call.Sid, call.AccountSid, call.SipCallId, call.Direction, call.From, call.To,
        JambonzCallStatus.Of(call.Status, call.SipStatus), call.SipStatus, call.CreatedAt, call.AnsweredAt, call.EndedAt,
        call.DurationSeconds(now), null, call.ParentCallSid, null);
}
