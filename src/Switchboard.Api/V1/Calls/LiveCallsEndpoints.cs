using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
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

    private static IResult Stream(HttpContext context, CallEngine engine, ICallStore store, TimeProvider time)
    {
        var accountSid = context.TargetAccount().Sid;
        // Subscribed before the live calls are read: a change in between is sent after them, never lost.
        var subscription = engine.StatusFeed.Subscribe(accountSid);
        return TypedResults.ServerSentEvents(EventsAsync(accountSid, subscription, store, time, context.RequestAborted));
    }

    private static async IAsyncEnumerable<SseItem<string>> EventsAsync(
        string accountSid,
        CallStatusSubscription subscription,
        ICallStore store,
        TimeProvider time,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using (subscription)
        {
            var now = time.GetUtcNow();
            var live = await store.ListInStatusAsync(LiveStatuses, cancellationToken).ConfigureAwait(false);
            var calls = live.Where(call => call.AccountSid == accountSid).Select(call => CallResource.Of(call, now)).ToArray();
            yield return new SseItem<string>(JsonSerializer.Serialize(calls, CallsJsonContext.Default.CallResourceArray), "calls");

            while (true)
            {
                var ready = await WaitAsync(subscription.Changes, time, cancellationToken).ConfigureAwait(false);
                if (ready is null)
                {
                    yield return new SseItem<string>(string.Empty, "ping");
                    continue;
                }

                if (ready is false)
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

    /// <returns>True when a change is waiting, false when the feed ended, null after <see cref="KeepAlive"/> of quiet.</returns>
    private static async Task<bool?> WaitAsync(ChannelReader<CallSnapshot> changes, TimeProvider time, CancellationToken cancellationToken)
    {
        using var quiet = new CancellationTokenSource(KeepAlive, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, quiet.Token);
        try
        {
            return await changes.WaitToReadAsync(either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private static CallResource Resource(CallSnapshot call, DateTimeOffset now) => new(
        call.Sid, call.AccountSid, call.SipCallId, call.Direction, call.From, call.To,
        JambonzCallStatus.Of(call.Status, call.SipStatus), call.SipStatus, call.CreatedAt, call.AnsweredAt, call.EndedAt,
        call.DurationSeconds(now), null, call.ParentCallSid, null);
}
