using System.Diagnostics.Metrics;

namespace Switchboard.Webhooks.Metrics;

/// <summary>
/// The webhooks' instruments (meter <see cref="MeterName"/>): each request's latency, attempts and failures, by kind
/// (<see cref="Notification"/> from the durable outbox, <see cref="Reply"/> for a question the call waits on), and the
/// outbox's depth.
/// </summary>
public static class WebhookMetrics
{
    public const string MeterName = "Switchboard.Webhooks";

    /// <summary>A notification from a call's durable queue (status changes, events).</summary>
    public const string Notification = "notification";

    /// <summary>A question whose answer the call waits for (a hook's verbs, the next action).</summary>
    public const string Reply = "reply";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> Latency = Meter.CreateHistogram(
        "switchboard.webhooks.duration", "s", "From sending a webhook to its answer's headers, by kind (answers of any status).",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    private static readonly Counter<long> Attempts = Meter.CreateCounter<long>(
        "switchboard.webhooks.attempts", "{request}", "Webhook requests sent (each retry and fallback counts), by kind.");

    private static readonly Counter<long> Failures = Meter.CreateCounter<long>(
        "switchboard.webhooks.failures", "{request}", "Webhook requests that failed, by kind and reason (status, timeout, connection).");

    private static readonly UpDownCounter<long> Depth = Meter.CreateUpDownCounter<long>(
        "switchboard.webhooks.outbox.depth", "{webhook}", "Notifications stored in the outbox and waiting for delivery or their next attempt.");

    internal static void Attempted(string kind) => Attempts.Add(1, new KeyValuePair<string, object?>("kind", kind));

    internal static void Answered(string kind, TimeSpan latency) =>
        Latency.Record(latency.TotalSeconds, new KeyValuePair<string, object?>("kind", kind));

    internal static void Failed(string kind, string reason) =>
        Failures.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("reason", reason));

    internal static void Queued() => Depth.Add(1);

    internal static void LeftQueue() => Depth.Add(-1);
}
