using OpenTelemetry.Exporter;
using Switchboard.Server.Configuration;

namespace Switchboard.Server.Metrics;

/// <summary>
/// Where metrics and traces go over OTLP, if anywhere: SWITCHBOARD_OTLP_ENDPOINT (OTLP/HTTP with protobuf, each signal
/// at its standard path under the base URL), else the standard OTEL_EXPORTER_OTLP_* variables, read by the SDK itself.
/// </summary>
internal sealed class OtlpExport
{
    /// <summary>The SDK's own variable; when it is set the SDK configures the exporter from its variables.</summary>
    public const string StandardVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    private readonly Uri? _endpoint;

    private OtlpExport(Uri? endpoint) => _endpoint = endpoint;

    /// <summary>The export the settings and environment ask for, or null when nothing is configured.</summary>
    public static OtlpExport? From(SwitchboardSettings settings) =>
        settings.OtlpEndpoint is { } endpoint ? new OtlpExport(endpoint)
        : string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(StandardVariable)) ? null
        : new OtlpExport(null);

    /// <summary>Configures one signal's exporter; <paramref name="path"/> is its standard path, e.g. <c>v1/traces</c>.</summary>
    public void Configure(OtlpExporterOptions options, string path)
    {
        if (_endpoint is null)
        {
            return;
        }

        // Given in code, the endpoint is used as it is: the signal's path must be part of it.
        options.Protocol = OtlpExportProtocol.HttpProtobuf;
        options.Endpoint = new Uri(_endpoint.ToString().TrimEnd('/') + "/" + path);
    }
}
