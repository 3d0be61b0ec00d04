using System.Diagnostics.Metrics;

namespace Switchboard.Calls.Metrics;

/// <summary>
/// The engine's instruments (meter <see cref="MeterName"/>): calls started and ended, their setup time, the calls
/// live per dialect, agent streams and recognitions. Every value is recorded where it happens, once per call or per
/// stream, never on a media thread.
/// </summary>
public static class CallMetrics
{
    public const string MeterName = "Switchboard.Calls";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Started = Meter.CreateCounter<long>(
        "switchboard.calls.started", "{call}", "Calls the engine started, by dialect and direction (dial and callback legs included).");

    private static readonly Counter<long> Ended = Meter.CreateCounter<long>(
        "switchboard.calls.ended", "{call}", "Calls that reached their final status, by dialect, direction and status.");

    private static readonly UpDownCounter<long> Active = Meter.CreateUpDownCounter<long>(
        "switchboard.calls.active", "{call}", "Calls whose loop runs, by dialect.");

    private static readonly Histogram<double> Setup = Meter.CreateHistogram(
        "switchboard.calls.setup.duration", "s", "From the call's creation to its answer, by direction.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 20, 30, 60] });

    private static readonly UpDownCounter<long> Streams = Meter.CreateUpDownCounter<long>(
        "switchboard.streams.active", "{stream}", "Media streams to voice agents (listen) that are connected.");

    private static readonly Counter<long> Recognitions = Meter.CreateCounter<long>(
        "switchboard.recognitions", "{utterance}", "Utterances handed to a speech recognizer, by vendor and outcome (recognized, failed).");

    internal static void CallStarted(string dialect, string direction)
    {
        Started.Add(1, new KeyValuePair<string, object?>("dialect", dialect), new KeyValuePair<string, object?>("direction", direction));
        Active.Add(1, new KeyValuePair<string, object?>("dialect", dialect));
    }

    internal static void CallEnded(string dialect, string direction, string status)
    {
        Ended.Add(1, new KeyValuePair<string, object?>("dialect", dialect), new KeyValuePair<string, object?>("direction", direction), new KeyValuePair<string, object?>("status", status));
        Active.Add(-1, new KeyValuePair<string, object?>("dialect", dialect));
    }

    internal static void CallAnswered(string direction, TimeSpan setup) =>
        Setup.Record(setup.TotalSeconds, new KeyValuePair<string, object?>("direction", direction));

    /// <summary>Counts a connected stream until the returned value is disposed, however the stream ends.</summary>
    internal static LiveStream StreamConnected()
    {
        Streams.Add(1);
        return default;
    }

    internal static void Recognized(string vendor, bool succeeded) =>
        Recognitions.Add(1, new KeyValuePair<string, object?>("vendor", vendor), new KeyValuePair<string, object?>("outcome", succeeded ? "recognized" : "failed"));

    /// <summary>A connected stream, counted in <c>switchboard.streams.active</c> until disposed.</summary>
    internal readonly struct LiveStream : IDisposable
    {
        public void Dispose() => Streams.Add(-1);
    }
}
