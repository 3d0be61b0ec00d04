using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Switchboard.Server.Hosting;

/// <summary>
/// <c>/health</c> (HTTP and SIP listen), <c>/health/live</c> (the process answers: restart it when this fails) and
/// <c>/health/ready</c> (it should be given new calls: not while draining at shutdown, not while its database
/// refuses work). All without a key, so load balancers and service managers can probe them.
/// </summary>
internal static class HealthEndpoints
{
    /// <summary>The tag of the checks <c>/health/ready</c> runs.</summary>
    public const string ReadyTag = "ready";

    public static IServiceCollection AddSwitchboardHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DrainingHealthCheck>("draining", tags: [ReadyTag])
            .AddCheck<StorageHealthCheck>("storage", tags: [ReadyTag]);
        return services;
    }

    public static void MapSwitchboardHealth(this WebApplication web)
    {
        web.MapGet("/health", () => Results.Ok(new { status = "ok" }))
            .WithTags("Health")
            .WithSummary("200 once HTTP and SIP are listening; no key needed");
        web.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = (context, _) => WriteAsync(context, "live", []) });
        web.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = (context, report) => WriteAsync(
                context,
                report.Status == HealthStatus.Healthy ? "ready" : "unavailable",
                [.. report.Entries.Values.Where(entry => entry.Status != HealthStatus.Healthy).Select(entry => entry.Description ?? entry.Status.ToString())]),
        });
    }

    // {"status": "ready"} or {"status": "unavailable", "reasons": [...]}, as /health/ready answered before health checks.
    private static Task WriteAsync(HttpContext context, string status, string[] reasons)
    {
        context.Response.ContentType = "application/json";
        using var body = new MemoryStream();
        using (var json = new Utf8JsonWriter(body))
        {
            json.WriteStartObject();
            json.WriteString("status", status);
            if (reasons.Length > 0)
            {
                json.WriteStartArray("reasons");
                foreach (var reason in reasons)
                {
                    json.WriteStringValue(reason);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        return context.Response.Body.WriteAsync(body.ToArray(), context.RequestAborted).AsTask();
    }
}
