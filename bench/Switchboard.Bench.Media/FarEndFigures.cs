namespace Switchboard.Bench.Media;

/// <summary>What the far ends sent and saw in the measured window of a bridge run.</summary>
/// <param name="FramesSent">Stamped frames the generator sent into the relay.</param>
/// <param name="SendFailures">Frames the generator could not send (lost before the relay).</param>
/// <param name="FramesDelivered">Stamped frames that came out of the relay.</param>
/// <param name="FramesLost">Gaps in the stamps: frames lost anywhere between the generator and a receiver, or overtaken.</param>
/// <param name="FramesLate">Frames that arrived after a later one of their stream, filling a gap counted before.</param>
/// <param name="FillPackets">Packets without a stamp (silence a relay sent while it had nothing to send).</param>
/// <param name="SequenceGaps">Gaps in the RTP sequence numbers of the streams the relay sent.</param>
/// <param name="LatePackets">Packets that arrived after a later one of their stream.</param>
/// <param name="PacketsReceived">Packets the receivers measured.</param>
/// <param name="ReceiverDrops">Datagrams the kernel dropped at the receivers' full sockets.</param>
/// <param name="RelayDrops">Datagrams the kernel dropped at the relay's full sockets.</param>
/// <param name="Deviations">|gap between consecutive packets of a stream − 20 ms|.</param>
/// <param name="Latencies">Time from the generator's send to the receiver's arrival, of every stamped frame.</param>
/// <param name="Cpu">CPU the generator and receiver threads used in the window.</param>
internal sealed record FarEndFigures(
    long FramesSent,
    long SendFailures,
    long FramesDelivered,
    long FramesLost,
    long FramesLate,
    long FillPackets,
    long SequenceGaps,
    long LatePackets,
    long PacketsReceived,
    long ReceiverDrops,
    long RelayDrops,
    DeviationHistogram Deviations,
    DeviationHistogram Latencies,
    TimeSpan Cpu)
{
    /// <summary>Frames that never arrived: gaps in the stamps that no late frame filled.</summary>
    public long FramesMissing => Math.Max(0, FramesLost - FramesLate);

    /// <summary>
    /// The table rows both relays share, worded alike so the two tables read side by side; <paramref name="relay"/>
    /// names the relay under test ("the bridges", "rtpengine").
    /// </summary>
    public IEnumerable<(string Measure, string Value)> Rows(string relay, bool kernelTime)
    {
        yield return ($"frames sent into {relay} by the far ends", $"{FramesSent:N0}");
        yield return (
            $"stamped frames delivered through {relay} / never arrived (stamp gaps) / out of order",
            $"{FramesDelivered:N0} / {FramesMissing:N0} ({100.0 * FramesMissing / Math.Max(1, FramesDelivered + FramesMissing):F3} %) / {FramesLate:N0}");
        yield return ($"frames lost outside {relay}: not sent by the generator / dropped at a full receiver socket", $"{SendFailures:N0} / {ReceiverDrops:N0}");
        yield return ($"datagrams dropped at full sockets of {relay}", $"{RelayDrops:N0}");
        yield return ($"loss on the streams {relay} sent (sequence gaps) / packets out of order", $"{Math.Max(0, SequenceGaps - LatePackets):N0} / {LatePackets:N0}");
        yield return (
            $"interval deviation from 20 ms ({(kernelTime ? "kernel receive time" : "time read by the receiver")}): p50 / p99 / p99.9 / max",
            $"{Deviations.PercentileMilliseconds(0.50):F2} / {Deviations.PercentileMilliseconds(0.99):F2} / "
            + $"{Deviations.PercentileMilliseconds(0.999):F2} / {Deviations.MaxMicroseconds / 1000:F2} ms");
        yield return (
            $"time through {relay}, generator's send to {(kernelTime ? "kernel receive time" : "the receiver's read")}: p50 / p99 / max",
            $"{Latencies.PercentileMilliseconds(0.50):F2} / {Latencies.PercentileMilliseconds(0.99):F2} / {Latencies.MaxMicroseconds / 1000:F2} ms");
    }
}
