using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Switchboard.Calls.Metrics;
using Switchboard.Foundation.StateMachines;
using Switchboard.Media.Metrics;
using Switchboard.Server.Configuration;
using Switchboard.Sip.Metrics;
using Switchboard.Webhooks.Metrics;

namespace Switchboard.Server.Metrics;

/// <summary>
/// Metrics through OpenTelemetry, scraped by Prometheus at <c>/metrics</c> (behind the API key like every endpoint
/// but <c>/health</c>): the server's own instruments, ASP.NET Core's HTTP server and the .NET runtime.
/// SWITCHBOARD_METRICS=false leaves it all out.
/// </summary>
internal static class MetricsSetup
{
    public const string Path = "/metrics";

    /// <summary>One meter per layer, each named after it.</summary>
    public static readonly string[] OwnMeters =
    [
        ServerMetrics.MeterName, CallMetrics.MeterName, WebhookMetrics.MeterName, SipMetrics.MeterName, MediaMetrics.MeterName, StateMachineMetrics.MeterName,
    ];

    public static IServiceCollection AddSwitchboardMetrics(this IServiceCollection services, SwitchboardSettings settings)
    {
        if (!settings.Metrics)
        {
            return services;
        }

        services.AddSingleton<ServerMetrics>();
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("switchboard", serviceInstanceId: settings.Sip.ToString()))
            .WithMetrics(metrics => metrics
            .AddMeter(OwnMeters)
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Runtime")
            .AddPrometheusExporter());
        return services;
    }

    public static void MapSwitchboardMetrics(this WebApplication web, SwitchboardSettings settings)
    {
        if (!settings.Metrics)
        {
            return;
        }

        // The instruments observe the engine from the first scrape on.
        web.Services.GetRequiredService<ServerMetrics>();
        web.MapPrometheusScrapingEndpoint(Path);
    }
}
