using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Switchboard.Calls.Metrics;
using Switchboard.Calls.Tracing;
using Switchboard.Foundation.StateMachines;
using Switchboard.Media.Metrics;
using Switchboard.Server.Configuration;
using Switchboard.Sip.Metrics;
using Switchboard.Webhooks.Metrics;
using Switchboard.Webhooks.Tracing;

namespace Switchboard.Server.Metrics;

/// <summary>
/// Metrics and traces through OpenTelemetry. Metrics are scraped by Prometheus at <c>/metrics</c> (behind the API key
/// like every endpoint but <c>/health</c>): the server's own instruments, ASP.NET Core's HTTP server and the .NET
/// runtime; SWITCHBOARD_METRICS=false leaves the endpoint out. With an OTLP collector configured (<see cref="OtlpExport"/>)
/// the same metrics and a trace per call (the call, its webhooks, the HTTP requests) are pushed to it.
/// </summary>
internal static class MetricsSetup
{
    public const string Path = "/metrics";

    /// <summary>One meter per layer, each named after it.</summary>
    public static readonly string[] OwnMeters =
    [
        ServerMetrics.MeterName, CallMetrics.MeterName, WebhookMetrics.MeterName, SipMetrics.MeterName, MediaMetrics.MeterName, StateMachineMetrics.MeterName,
    ];

    /// <summary>Our activity sources, and the framework's for HTTP served and sent (.NET's own, no instrumentation package).</summary>
    public static readonly string[] TraceSources = [CallTracing.SourceName, WebhookTracing.SourceName, "Microsoft.AspNetCore", "System.Net.Http"];

    public static IServiceCollection AddSwitchboardMetrics(this IServiceCollection services, SwitchboardSettings settings)
    {
        var otlp = OtlpExport.From(settings);
        if (!settings.Metrics && otlp is null)
        {
            return services;
        }

        services.AddSingleton<ServerMetrics>();
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("switchboard", serviceInstanceId: settings.Sip.ToString()))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(OwnMeters).AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Runtime");
                if (settings.Metrics)
                {
                    metrics.AddPrometheusExporter();
                }

                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(options => otlp.Configure(options, "v1/metrics"));
                }
            });
        if (otlp is not null)
        {
            telemetry.WithTracing(tracing => tracing.AddSource(TraceSources).AddOtlpExporter(options => otlp.Configure(options, "v1/traces")));
        }

        return services;
    }

    public static void MapSwitchboardMetrics(this WebApplication web, SwitchboardSettings settings)
    {
        // The instruments observe the engine from the first scrape or export on.
        web.Services.GetService<ServerMetrics>();
        if (settings.Metrics)
        {
            web.MapPrometheusScrapingEndpoint(Path);
        }
    }
}
