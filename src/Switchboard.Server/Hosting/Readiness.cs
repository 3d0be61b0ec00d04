using Microsoft.AspNetCore.Http;
using Switchboard.Calls.Engine;
using Switchboard.Storage.Resilience;

namespace Switchboard.Server.Hosting;

/// <summary>
/// <c>GET /health/ready</c>: whether this node should be given new calls. <c>/health</c> says the process lives;
/// this says it can take work: not while the store refuses writes (they wait in memory until it recovers) and not
/// once shutdown began. A load balancer or SIP proxy that probes it sends new work elsewhere meanwhile.
/// </summary>
internal static class Readiness
{
    public static IResult Check(DeferredWrites writes, CallEngine engine)
    {
        var reasons = new List<string>();
        if (writes.Problem is { } problem)
        {
            reasons.Add($"storage refuses writes ({problem}); {writes.Count} kept in memory until it recovers");
        }

        if (!engine.Admission.IsAdmitting)
        {
            reasons.Add("shutting down");
        }

        return reasons.Count == 0
            ? Results.Ok(new { status = "ready" })
            : Results.Json(new { status = "unavailable", reasons }, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
