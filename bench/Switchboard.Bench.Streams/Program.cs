using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Bench.Media;
using Switchboard.Bench.Streams;
using Switchboard.Calls.Engine;
using Switchboard.Calls.Engine.Streams;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Sessions;

// N bidirectional media streams at once, each a media session with a caller on one side and an echo agent (jambonz
// streaming mode, L16 16 kHz both ways) on the other, all in this process on loopback. After a warm-up it measures for
// a fixed time: the pacing of every stream's RTP (|interval - 20 ms|), the added latency of a marked frame from the
// caller's RTP to the agent's WebSocket, and from the agent's echo back to RTP, dropped frames, CPU and allocation.
// Prints one table and exits.
var streams = Option("--streams", 300);
var seconds = Option("--seconds", 20);
var warmup = Option("--warmup", 3);

using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole());
var options = new MediaEngineOptions(IPAddress.Loopback, "127.0.0.1", 41000, 41000 + (streams * 2) + 1) { MediaTimeout = Timeout.InfiniteTimeSpan };
await using var engine = new MediaEngine(options, loggerFactory);
var stamps = new Stamps(streams);
await using var agent = new EchoAgent(stamps);
await agent.StartAsync();

var media = new MediaSession[streams];
var streamOf = new Dictionary<uint, int>();
for (var i = 0; i < streams; i++)
{
    media[i] = engine.CreateSession(new NoObserver());
    streamOf[media[i].Ssrc] = i;
}

using var callers = new CallerPeer(media.Select(m => m.LocalPort).ToArray(), streamOf, stamps);
foreach (var session in media)
{
    var answer = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
        + $"m=audio {callers.Port} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n";
    session.CreateOffer();
    if (!session.ApplyAnswer(answer).IsSuccess)
    {
        throw new InvalidOperationException("the answer was refused");
    }
}

using var ending = new CancellationTokenSource();
var agentStreams = new AgentStream[streams];
var running = new Task[streams];
for (var i = 0; i < streams; i++)
{
    var listen = new ListenVerb(new Uri($"ws://127.0.0.1:{agent.Port}/agent"))
    {
        SampleRate = 16000,
        Streaming = true,
        Metadata = JsonDocument.Parse($$"""{"stream": {{i}}}""").RootElement,
    };
    var call = new CallSnapshot($"CA{i}", "AC1", "+1555", "+1666", null, CallStatus.InProgress, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, null);
    agentStreams[i] = new AgentStream(listen, new JambonzWire(listen, call), media[i], call.Sid, TimeProvider.System, NullLogger.Instance);
    running[i] = agentStreams[i].RunAsync(MediaStreamConnector.Unguarded, ending.Token);
}

callers.Start();
await Task.Delay(TimeSpan.FromSeconds(warmup));

var process = Process.GetCurrentProcess();
process.Refresh();
var cpuStart = process.TotalProcessorTime;
var allocatedStart = GC.GetTotalAllocatedBytes(precise: true);
var gcStart = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
var skippedStart = engine.Clock.SkippedTicks;
var droppedStart = agentStreams.Sum(s => s.Capture.Frames.DroppedFrames);
var clock = Stopwatch.StartNew();
stamps.Measuring = true;
await Task.Delay(TimeSpan.FromSeconds(seconds));
stamps.Measuring = false;
var elapsed = clock.Elapsed;
process.Refresh();
var cpu = process.TotalProcessorTime - cpuStart;
var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedStart;
var gcs = (GC.CollectionCount(0) - gcStart.Item1, GC.CollectionCount(1) - gcStart.Item2, GC.CollectionCount(2) - gcStart.Item3);
var skipped = engine.Clock.SkippedTicks - skippedStart;
var dropped = agentStreams.Sum(s => s.Capture.Frames.DroppedFrames) - droppedStart;
var connected = running.Count(t => !t.IsCompleted);

await ending.CancelAsync();
await Task.WhenAll(running);
foreach (var session in media)
{
    await session.DisposeAsync();
}

Console.WriteLine($"| measure ({streams} bidirectional streams, {seconds} s, {Environment.ProcessorCount} cores) | value |");
Console.WriteLine("| --- | --- |");
Row("streams still connected at the end of the window", $"{connected} of {streams}");
Row("RTP interval deviation from 20 ms: p50 / p99 / p99.9 / max", Figures(callers.Pacing));
Row($"caller frame in (RTP sent) → WebSocket frame at the agent: p50 / p99 / p99.9 / max ({stamps.CallerToAgent.Count} pulses)", Figures(stamps.CallerToAgent));
Row($"agent frame out (WebSocket) → RTP at the caller: p50 / p99 / p99.9 / max ({stamps.AgentToRtp.Count} pulses)", Figures(stamps.AgentToRtp));
Row("caller frames dropped for a slow agent", $"{dropped:N0}");
Row("clock ticks skipped in the window", $"{skipped}");
Row("CPU, whole process (engine, streams, callers and agents)", $"{100 * cpu / elapsed:F1} % of one core");
Row("allocated during the window", $"{allocated:N0} B ({allocated / Math.Max(1.0, elapsed.TotalSeconds * streams * 100):F1} B per frame each way); GCs gen0/1/2: {gcs.Item1}/{gcs.Item2}/{gcs.Item3}");
return 0;

static string Figures(DeviationHistogram histogram) =>
    $"{histogram.PercentileMilliseconds(0.50):F2} / {histogram.PercentileMilliseconds(0.99):F2} / {histogram.PercentileMilliseconds(0.999):F2} / {histogram.MaxMicroseconds / 1000:F2} ms";

static void Row(string measure, string value) => Console.WriteLine($"| {measure} | {value} |");

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1]) : fallback;
}

internal sealed class NoObserver : IMediaSessionObserver
{
    public void OnDigit(DtmfDigit digit)
    {
    }
}
