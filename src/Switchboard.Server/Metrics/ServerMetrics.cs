using System.Diagnostics.Metrics;
using Switchboard.Calls.Engine;
using Switchboard.Storage.Resilience;
using Switchboard.Webhooks.Outbox;

namespace Switchboard.Server.Metrics;

/// <summary>
/// The server's own instruments (meter <see cref="MeterName"/>), observed when scraped from the state the engine,
/// the outbox and the store already keep.
/// </summary>
internal sealed class ServerMetrics : IDisposable
{
    /// <summary>The meter's name, which the exporter subscribes to.</summary>
    public const string MeterName = "Switchboard.Server";

    private readonly Meter _meter;

    public ServerMetrics(IMeterFactory meters, CallEngine engine, WebhookOutbox outbox, DeferredWrites writes)
    {
        _meter = meters.Create(MeterName);
        _meter.CreateObservableGauge("switchboard.calls.live", () => engine.LiveCallCount, "{call}", "Calls not yet ended, both directions, dial legs included");
        _meter.CreateObservableGauge("switchboard.calls.admitting", () => engine.Admission.IsAdmitting ? 1 : 0, null, "1 while new calls are taken, 0 once shutdown began");
        _meter.CreateObservableGauge("switchboard.webhooks.queues", () => outbox.ActiveQueueCount, "{queue}", "Per-call webhook queues with notifications not yet delivered or given up");
        _meter.CreateObservableGauge("switchboard.storage.deferred_writes", () => writes.Count, "{write}", "Writes the store refused, kept in memory and retried until it recovers");
    }

    public void Dispose() => _meter.Dispose();
}
