using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Switchboard.Calls.Metrics;
using Switchboard.Foundation.StateMachines;
using Switchboard.Media.Metrics;
using Switchboard.Server.Tests.Process;
using Switchboard.Sip.Metrics;
using Switchboard.Webhooks.Metrics;

namespace Switchboard.Server.Tests.Deploy;

/// <summary>deploy/grafana/switchboard.json asks only for metrics the server exports. RTP 39350–39351.</summary>
public sealed class GrafanaDashboardTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("switchboard-grafana-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task EveryExpression_NamesOnlyMetricsTheServerExports()
    {
        // Families an idle server shows (gauges, HTTP, runtime), and those our meters declare but fill only when it happens.
        var exported = DeclaredFamilies();
        await using (var server = await RunningServer.StartAsync(FreePorts.Tcp(), "sb_grafana_test_key", ["--sip", "127.0.0.1:0", "--rtp-ports", "39350-39351", "--data", _data]))
        {
            var scrape = await server.Client.GetStringAsync("/metrics");
            exported.UnionWith(Regex.Matches(scrape, @"^([a-z_]+)[{ ]", RegexOptions.Multiline).Select(match => match.Groups[1].Value));
        }

        using var dashboard = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "deploy", "grafana", "switchboard.json")));
        var expressions = Expressions(dashboard.RootElement).ToList();

        Assert.True(expressions.Count >= 20, $"only {expressions.Count} expressions");
        foreach (var expression in expressions)
        {
            // Label names (in by (...) and {...}) are not metric names.
            var metricsOnly = Regex.Replace(expression, @"\b(?:by|without)\s*\([^)]*\)|\{[^}]*\}", " ");
            var names = Regex.Matches(metricsOnly, @"\b(?:switchboard|http|kestrel|dotnet)_[a-z_]+\b").Select(match => match.Value).ToList();
            Assert.True(names.Count > 0, $"'{expression}' names no metric");
            Assert.All(names, name => Assert.True(exported.Contains(name), $"{name} in '{expression}' is not exported"));
        }
    }

    /// <summary>Our instruments' names as the Prometheus exporter writes them.</summary>
    private static HashSet<string> DeclaredFamilies()
    {
        var families = new HashSet<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, _) =>
        {
            if (!instrument.Meter.Name.StartsWith("Switchboard.", StringComparison.Ordinal))
            {
                return;
            }

            var name = instrument.Name.Replace('.', '_') + (instrument.Unit == "s" ? "_seconds" : string.Empty);
            var kind = instrument.GetType().GetGenericTypeDefinition();
            if (kind == typeof(Counter<>))
            {
                families.Add(name + "_total");
            }
            else if (kind == typeof(Histogram<>))
            {
                families.UnionWith([name + "_bucket", name + "_count", name + "_sum"]);
            }
            else
            {
                families.Add(name);
            }
        };
        foreach (var type in new[] { typeof(CallMetrics), typeof(WebhookMetrics), typeof(SipMetrics), typeof(MediaMetrics), typeof(StateMachineMetrics) })
        {
            RuntimeHelpers.RunClassConstructor(type.TypeHandle);
        }

        listener.Start();
        return families;
    }

    private static IEnumerable<string> Expressions(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "expr")
                {
                    yield return property.Value.GetString()!;
                }

                foreach (var inner in Expressions(property.Value))
                {
                    yield return inner;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray().SelectMany(Expressions))
            {
                yield return item;
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Switchboard.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("the repository root is not above " + AppContext.BaseDirectory);
    }
}
