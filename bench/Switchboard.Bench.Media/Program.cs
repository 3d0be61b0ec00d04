using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging;
using Switchboard.Bench.Media;
using Switchboard.Bench.Media.Rtpengine;
using Switchboard.Media.Audio;
using Switchboard.Media.Sessions;

// N media sessions on one engine, each playing a clip to one of a few receiving sockets in this process.
// After a warm-up, measures on the receiving sockets for a fixed time: the gap between consecutive
// packets of each stream against the 20 ms ptime, sequence gaps (loss), and CPU and memory per stream.
// Prints one table and exits. With --bridges B it measures B bridges instead (BridgeRun); with --relay rtpengine
// as well, the same load relayed by B rtpengine calls (RtpengineRun), for comparison.
var sessions = Option("--sessions", 2000);
var seconds = Option("--seconds", 20);
var receiverCount = Option("--receivers", 1);
var warmup = Option("--warmup", 3);
var kernelTime = !args.Contains("--user-time");
var pacingSlots = Option("--pacing-slots", new MediaEngineOptions(IPAddress.Loopback, "127.0.0.1", 1, 2).PacingSlots);
var receiveThreads = Option("--receive-threads", new MediaEngineOptions(IPAddress.Loopback, "127.0.0.1", 1, 2).ReceiveThreads);
var relay = TextOption("--relay", "switchboard");
if (args.Contains("--bridges") || args.Contains("--relay"))
{
    var bridges = Option("--bridges", 500);
    return relay switch
    {
        "switchboard" => await BridgeRun.RunAsync(bridges, seconds, receiverCount, warmup, kernelTime, pacingSlots, receiveThreads),
        "rtpengine" => await RtpengineRun.RunAsync(bridges, seconds, receiverCount, warmup, kernelTime),
        _ => Refuse($"--relay takes switchboard or rtpengine, not '{relay}'"),
    };
}

using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole());
var options = new MediaEngineOptions(IPAddress.Loopback, "127.0.0.1", 10000, 10000 + (sessions * 2) + 1)
{
    MediaTimeout = Timeout.InfiniteTimeSpan,
    PacingSlots = pacingSlots,
    ReceiveThreads = receiveThreads,
};
var clip = new AudioClip(Enumerable.Range(0, 8000 * (seconds + warmup + 30))
    .Select(i => (short)(6000 * Math.Sin(2 * Math.PI * 440 * i / 8000))).ToArray());

var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
var workingSetBefore = Environment.WorkingSet;
await using var engine = new MediaEngine(options, loggerFactory);
var observer = new NoObserver();
var media = new MediaSession[sessions];
var streamOf = new Dictionary<uint, int>();
for (var i = 0; i < sessions; i++)
{
    media[i] = engine.CreateSession(observer);
    streamOf[media[i].Ssrc] = i;
}

var receivers = Enumerable.Range(0, receiverCount).Select(_ => new WireReceiver(streamOf, sessions, kernelTime)).ToArray();
foreach (var receiver in receivers)
{
    receiver.Start();
}

var plays = new Task[sessions];
for (var i = 0; i < sessions; i++)
{
    var port = receivers[i % receiverCount].Port;
    var answer = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
        + $"m=audio {port} RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=sendrecv\r\n";
    if (!media[i].ApplyAnswer(answer).IsSuccess)
    {
        throw new InvalidOperationException("the answer was refused");
    }

    plays[i] = media[i].PlayAsync(clip, CancellationToken.None);
}

await Task.Delay(TimeSpan.FromSeconds(warmup));
var heapWithSessions = GC.GetTotalMemory(forceFullCollection: true);
var workingSetWithSessions = Environment.WorkingSet;

var process = Process.GetCurrentProcess();
process.Refresh();
var cpuStart = process.TotalProcessorTime;
var allocatedStart = GC.GetTotalAllocatedBytes(precise: true);
var gcStart = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
var sentStart = media.Sum(m => m.SentPackets);
var skippedStart = engine.Clock.SkippedTicks;
var clock = Stopwatch.StartNew();
foreach (var receiver in receivers)
{
    receiver.Measure(true);
}

await Task.Delay(TimeSpan.FromSeconds(seconds));
foreach (var receiver in receivers)
{
    receiver.Measure(false);
}

var elapsed = clock.Elapsed;
var sent = media.Sum(m => m.SentPackets) - sentStart;
process.Refresh();
var cpu = process.TotalProcessorTime - cpuStart;
var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedStart;
var gcs = (GC.CollectionCount(0) - gcStart.Item1, GC.CollectionCount(1) - gcStart.Item2, GC.CollectionCount(2) - gcStart.Item3);
var skipped = engine.Clock.SkippedTicks - skippedStart;

// Let the receivers see one more packet each so they read their CPU clocks, then stop.
await Task.Delay(100);
foreach (var receiver in receivers)
{
    receiver.Dispose();
}

var deviations = new DeviationHistogram();
foreach (var receiver in receivers)
{
    deviations.Merge(receiver.Deviations);
}

var received = receivers.Sum(r => r.Received);
var lost = receivers.Sum(r => r.Lost);
var receiverCpu = TimeSpan.FromTicks(receivers.Sum(r => r.CpuTime.Ticks));
var senderCpu = cpu - receiverCpu;
var expected = sessions * elapsed.TotalSeconds * 50;

Console.WriteLine($"| measure ({sessions} streams, {seconds} s, {Environment.ProcessorCount} cores, {pacingSlots} pacing slots, {receiveThreads} receive threads) | value |");
Console.WriteLine("| --- | --- |");
Row("packets sent / expected at 50 per stream per second", $"{sent:N0} / {expected:N0} ({100.0 * sent / expected:F2} %)");
Row("packets received and measured", $"{received:N0}");
Row("loss (sequence gaps seen by the receivers)", $"{lost:N0} ({100.0 * lost / Math.Max(1, received + lost):F3} %)");
Row($"interval deviation from 20 ms ({(kernelTime ? "kernel receive time" : "time read by the receiver")}): p50 / p99 / p99.9 / max", $"{deviations.PercentileMilliseconds(0.50):F2} / {deviations.PercentileMilliseconds(0.99):F2} / {deviations.PercentileMilliseconds(0.999):F2} / {deviations.MaxMicroseconds / 1000:F2} ms");
Row("clock ticks skipped in the window / worst lateness since start", $"{skipped} / {engine.Clock.MaxLateness.TotalMilliseconds:F2} ms");
Row("CPU, whole process (senders + receivers)", $"{100 * cpu / elapsed:F1} % of one core");
Row("CPU, media engine only (process minus receiver threads)", $"{100 * senderCpu / elapsed:F1} % of one core = {senderCpu.TotalMicroseconds / Math.Max(1, sent):F2} µs per packet = {100 * senderCpu / elapsed / sessions:F4} % of a core per stream");
Row("allocated during the window", $"{allocated:N0} B ({(double)allocated / Math.Max(1, sent):F3} B per packet); GCs gen0/1/2: {gcs.Item1}/{gcs.Item2}/{gcs.Item3}");
Row("managed heap per stream (sessions and their buffers)", $"{(heapWithSessions - heapBefore) / (double)sessions / 1024:F1} KiB");
Row("working set per stream", $"{(workingSetWithSessions - workingSetBefore) / (double)sessions / 1024:F1} KiB");

foreach (var session in media)
{
    await session.DisposeAsync();
}

return 0;

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1]) : fallback;
}

string TextOption(string name, string fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}

static int Refuse(string reason)
{
    Console.Error.WriteLine(reason);
    return 2;
}

static void Row(string name, string value) => Console.WriteLine($"| {name} | {value} |");
