using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging;
using Switchboard.Media.Bridging;
using Switchboard.Media.Sessions;

namespace Switchboard.Bench.Media;

/// <summary>
/// B bridges (2·B legs) on one engine, each leg answered to one of a few receiving sockets in this process.
/// A <see cref="FrameGenerator"/> plays every leg's far end, sending stamped 20 ms frames into the leg from
/// the receiver socket its SDP names; each frame crosses the bridge (receive pump → playout buffer → the
/// other leg's paced sender) and arrives at a receiver, which checks the stamps (loss through the bridge)
/// and the gaps between packets (pacing). Prints one table.
/// </summary>
internal static class BridgeRun
{
    public static async Task<int> RunAsync(int bridges, int seconds, int receiverCount, int warmup, bool kernelTime, int pacingSlots)
    {
        var legs = bridges * 2;
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole());
        var options = new MediaEngineOptions(IPAddress.Loopback, "127.0.0.1", 10000, 10000 + (legs * 2) + 1)
        {
            MediaTimeout = Timeout.InfiniteTimeSpan,
            PacingSlots = pacingSlots,
        };
        await using var engine = new MediaEngine(options, loggerFactory);
        var media = new MediaSession[legs];
        var streamOf = new Dictionary<uint, int>();
        for (var i = 0; i < legs; i++)
        {
            media[i] = engine.CreateSession(new NoObserver());
            streamOf[media[i].Ssrc] = i;
        }

        var receivers = Enumerable.Range(0, receiverCount).Select(_ => new WireReceiver(streamOf, legs, kernelTime, trackFrames: true)).ToArray();
        for (var i = 0; i < legs; i++)
        {
            var answer = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + $"m=audio {receivers[i % receiverCount].Port} RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=sendrecv\r\n";
            if (!media[i].ApplyAnswer(answer).IsSuccess)
            {
                throw new InvalidOperationException("the answer was refused");
            }
        }

        var bridgeList = Enumerable.Range(0, bridges).Select(b => MediaBridge.Connect(media[2 * b], media[(2 * b) + 1])).ToArray();
        using var generator = new FrameGenerator(
            [.. Enumerable.Range(0, legs).Select(i => (receivers[i % receiverCount], new IPEndPoint(IPAddress.Loopback, media[i].LocalPort).Serialize()))]);
        foreach (var receiver in receivers)
        {
            receiver.Start();
        }

        generator.Start();
        await Task.Delay(TimeSpan.FromSeconds(warmup));

        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuStart = process.TotalProcessorTime;
        var allocatedStart = GC.GetTotalAllocatedBytes(precise: true);
        var gcStart = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var sentStart = media.Sum(m => m.SentPackets);
        var relayedStart = bridgeList.Sum(b => b.RelayedFrames);
        var skippedStart = engine.Clock.SkippedTicks;
        var clock = Stopwatch.StartNew();
        generator.Measure(true);
        foreach (var receiver in receivers)
        {
            receiver.Measure(true);
        }

        await Task.Delay(TimeSpan.FromSeconds(seconds));
        generator.Measure(false);
        foreach (var receiver in receivers)
        {
            receiver.Measure(false);
        }

        var elapsed = clock.Elapsed;
        var sent = media.Sum(m => m.SentPackets) - sentStart;
        var relayed = bridgeList.Sum(b => b.RelayedFrames) - relayedStart;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuStart;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedStart;
        var gcs = (GC.CollectionCount(0) - gcStart.Item1, GC.CollectionCount(1) - gcStart.Item2, GC.CollectionCount(2) - gcStart.Item3);
        var skipped = engine.Clock.SkippedTicks - skippedStart;

        // One more frame each so the threads read their CPU clocks, then stop.
        await Task.Delay(100);
        generator.Dispose();
        foreach (var receiver in receivers)
        {
            receiver.Dispose();
        }

        var deviations = new DeviationHistogram();
        foreach (var receiver in receivers)
        {
            deviations.Merge(receiver.Deviations);
        }

        var delivered = receivers.Sum(r => r.FramesDelivered);
        var framesLost = receivers.Sum(r => r.FramesLost);
        var fill = receivers.Sum(r => r.FillFrames);
        var wireLost = receivers.Sum(r => r.Lost);
        var helperCpu = generator.CpuTime + TimeSpan.FromTicks(receivers.Sum(r => r.CpuTime.Ticks));
        var engineCpu = cpu - helperCpu;
        var expected = legs * elapsed.TotalSeconds * 50;

        Console.WriteLine($"| measure ({bridges} bridges = {legs} legs, {seconds} s, {Environment.ProcessorCount} cores, {pacingSlots} pacing slots) | value |");
        Console.WriteLine("| --- | --- |");
        Row("frames sent into the legs by the far ends", $"{generator.Sent:N0}");
        Row("packets sent by the legs / expected at 50 per leg per second", $"{sent:N0} / {expected:N0} ({100.0 * sent / expected:F2} %)");
        Row("frames relayed by the bridges (engine's count)", $"{relayed:N0}");
        Row("stamped frames delivered through the bridges / lost (stamp gaps)", $"{delivered:N0} / {framesLost:N0} ({100.0 * framesLost / Math.Max(1, delivered + framesLost):F3} %)");
        Row("packets of silence sent while a playout buffer was dry", $"{fill:N0}");
        Row("loss on the legs' outgoing streams (sequence gaps)", $"{wireLost:N0}");
        Row($"interval deviation from 20 ms ({(kernelTime ? "kernel receive time" : "time read by the receiver")}): p50 / p99 / p99.9 / max", $"{deviations.PercentileMilliseconds(0.50):F2} / {deviations.PercentileMilliseconds(0.99):F2} / {deviations.PercentileMilliseconds(0.999):F2} / {deviations.MaxMicroseconds / 1000:F2} ms");
        Row("clock ticks skipped in the window / worst lateness since start", $"{skipped} / {engine.Clock.MaxLateness.TotalMilliseconds:F2} ms");
        Row("CPU, whole process (engine + far ends + receivers)", $"{100 * cpu / elapsed:F1} % of one core");
        Row("CPU, media engine only (process minus generator and receiver threads)", $"{100 * engineCpu / elapsed:F1} % of one core = {engineCpu.TotalMicroseconds / Math.Max(1, sent + generator.Sent):F2} µs per packet received or sent = {100 * engineCpu / elapsed / bridges:F4} % of a core per bridge");
        Row("allocated during the window", $"{allocated:N0} B ({(double)allocated / Math.Max(1, sent):F3} B per packet sent); GCs gen0/1/2: {gcs.Item1}/{gcs.Item2}/{gcs.Item3}");

        foreach (var bridge in bridgeList)
        {
            bridge.Dispose();
        }

        foreach (var session in media)
        {
            await session.DisposeAsync();
        }

        return 0;
    }

    private static void Row(string name, string value) => Console.WriteLine($"| {name} | {value} |");
}
