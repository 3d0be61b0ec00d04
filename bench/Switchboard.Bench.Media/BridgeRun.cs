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
    public static async Task<int> RunAsync(int bridges, int seconds, int receiverCount, int warmup, bool kernelTime, int pacingSlots, int receiveThreads)
    {
        var legs = bridges * 2;
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole());
        var options = new MediaEngineOptions(IPAddress.Loopback, "127.0.0.1", 10000, 10000 + (legs * 2) + 1)
        {
            MediaTimeout = Timeout.InfiniteTimeSpan,
            PacingSlots = pacingSlots,
            ReceiveThreads = receiveThreads,
        };
        var workingSetBefore = Environment.WorkingSet;
        await using var engine = new MediaEngine(options, loggerFactory);
        var media = new MediaSession[legs];
        var streamOf = new Dictionary<uint, int>();
        for (var i = 0; i < legs; i++)
        {
            media[i] = engine.CreateSession(new NoObserver());
            streamOf[media[i].Ssrc] = i;
        }

        using var farEnds = new FarEnds(streamOf, legs, receiverCount, kernelTime);
        for (var i = 0; i < legs; i++)
        {
            if (!media[i].ApplyAnswer(farEnds.SdpFor(i)).IsSuccess)
            {
                throw new InvalidOperationException("the answer was refused");
            }
        }

        var bridgeList = Enumerable.Range(0, bridges).Select(b => MediaBridge.Connect(media[2 * b], media[(2 * b) + 1])).ToArray();
        farEnds.Start([.. media.Select(m => new IPEndPoint(IPAddress.Loopback, m.LocalPort))]);
        await Task.Delay(TimeSpan.FromSeconds(warmup));
        var workingSetWithBridges = Environment.WorkingSet;

        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuStart = process.TotalProcessorTime;
        var allocatedStart = GC.GetTotalAllocatedBytes(precise: true);
        var gcStart = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var sentStart = media.Sum(m => m.SentPackets);
        var relayedStart = bridgeList.Sum(b => b.RelayedFrames);
        var skippedStart = engine.Clock.SkippedTicks;
        var elapsed = await farEnds.MeasureAsync(
            TimeSpan.FromSeconds(seconds), Environment.ProcessId, port => port >= options.PortMin && port <= options.PortMax);
        var sent = media.Sum(m => m.SentPackets) - sentStart;
        var relayed = bridgeList.Sum(b => b.RelayedFrames) - relayedStart;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuStart;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedStart;
        var gcs = (GC.CollectionCount(0) - gcStart.Item1, GC.CollectionCount(1) - gcStart.Item2, GC.CollectionCount(2) - gcStart.Item3);
        var skipped = engine.Clock.SkippedTicks - skippedStart;

        var far = await farEnds.StopAsync();
        var engineCpu = cpu - far.Cpu;
        var expected = legs * elapsed.TotalSeconds * 50;

        Console.WriteLine($"| measure ({bridges} bridges = {legs} legs, {seconds} s, {Environment.ProcessorCount} cores, {pacingSlots} pacing slots, {receiveThreads} receive threads) | value |");
        Console.WriteLine("| --- | --- |");
        foreach (var (measure, value) in far.Rows("the bridges", kernelTime))
        {
            Row(measure, value);
        }

        Row("packets sent by the legs / expected at 50 per leg per second", $"{sent:N0} / {expected:N0} ({100.0 * sent / expected:F2} %)");
        Row("frames relayed by the bridges (engine's count)", $"{relayed:N0}");
        Row("packets of silence sent while a playout buffer was dry", $"{far.FillPackets:N0}");
        Row("clock ticks skipped in the window / worst lateness since start", $"{skipped} / {engine.Clock.MaxLateness.TotalMilliseconds:F2} ms");
        Row("CPU, whole process (engine + far ends + receivers)", $"{100 * cpu / elapsed:F1} % of one core");
        Row("CPU, media engine only (process minus generator and receiver threads)", $"{100 * engineCpu / elapsed:F1} % of one core = {engineCpu.TotalMicroseconds / Math.Max(1, sent + far.FramesSent):F2} µs per packet received or sent = {100 * engineCpu / elapsed / bridges:F4} % of a core per bridge");
        Row("allocated during the window", $"{allocated:N0} B ({(double)allocated / Math.Max(1, sent):F3} B per packet sent); GCs gen0/1/2: {gcs.Item1}/{gcs.Item2}/{gcs.Item3}");
        Row("working set, whole process: before the engine / with the bridges (growth per bridge)", $"{workingSetBefore / 1048576.0:F1} / {workingSetWithBridges / 1048576.0:F1} MiB ({(workingSetWithBridges - workingSetBefore) / 1024.0 / bridges:F1} KiB)");

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
