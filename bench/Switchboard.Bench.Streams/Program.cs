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
// streaming mode, L16 16 kHz both ways) on the other, on loopback. The callers and agents run in a second process
// (Peers), so what this process costs is the streams alone. After a warm-up it measures for a fixed time: the pacing
// of every stream's RTP (|interval - 20 ms|), the added latency of a marked frame from the caller's RTP to the
// agent's WebSocket, and from the agent's echo back to RTP, dropped frames, CPU and allocation. Prints one table.
var streams = Option("--streams", 300);
var seconds = Option("--seconds", 20);
var warmup = Option("--warmup", 3);
var agentKind = Text("--agent", "speech");
if (agentKind is not ("speech" or "echo"))
{
    Console.Error.WriteLine("--agent is speech (sends back only the caller's loud frames) or echo (every frame)");
    return 2;
}

if (Text("--role", "streams") == "peers")
{
    return await Peers.RunAsync(streams, agentKind == "speech");
}

using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole());
var options = new MediaEngineOptions(IPAddress.Loopback, "127.0.0.1", 41000, 41000 + (streams * 2) + 1) { MediaTimeout = Timeout.InfiniteTimeSpan };
await using var engine = new MediaEngine(options, loggerFactory);
using var peers = PeersProcess.Start(streams, agentKind);
var ready = peers.Await("ready").Split(' ');
var agentPort = int.Parse(ready[0]);
var callerPort = int.Parse(ready[1]);

var media = new MediaSession[streams];
for (var i = 0; i < streams; i++)
{
    media[i] = engine.CreateSession(new NoObserver());
}

foreach (var session in media)
{
    var answer = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
        + $"m=audio {callerPort} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n";
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
    var listen = new ListenVerb(new Uri($"ws://127.0.0.1:{agentPort}/agent"))
    {
        SampleRate = 16000,
        Streaming = true,
        Metadata = JsonDocument.Parse($$"""{"stream": {{i}}}""").RootElement,
    };
    var call = new CallSnapshot($"CA{i}", "AC1", "+1555", "+1666", null, CallStatus.InProgress, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, null);
    agentStreams[i] = new AgentStream(listen, new JambonzWire(listen, call), media[i], call.Sid, TimeProvider.System, NullLogger.Instance);
    running[i] = agentStreams[i].RunAsync(MediaStreamConnector.Unguarded, ending.Token);
}

peers.Say("sessions " + string.Join(' ', media.Select(m => $"{m.LocalPort}:{m.Ssrc}")));
peers.Await("started");
await Task.Delay(TimeSpan.FromSeconds(warmup));

var process = Process.GetCurrentProcess();
process.Refresh();
var cpuStart = process.TotalProcessorTime;
var allocatedStart = GC.GetTotalAllocatedBytes(precise: true);
var gcStart = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
var skippedStart = engine.Clock.SkippedTicks;
var droppedStart = agentStreams.Sum(s => s.Capture.Frames.DroppedFrames);
var trimmedStart = agentStreams.Sum(s => s.Playout?.TrimmedFrames ?? 0);
var clock = Stopwatch.StartNew();
peers.Say("measure");
await Task.Delay(TimeSpan.FromSeconds(seconds));
peers.Say("stop");
var elapsed = clock.Elapsed;
process.Refresh();
var cpu = process.TotalProcessorTime - cpuStart;
var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedStart;
var gcs = (GC.CollectionCount(0) - gcStart.Item1, GC.CollectionCount(1) - gcStart.Item2, GC.CollectionCount(2) - gcStart.Item3);
var skipped = engine.Clock.SkippedTicks - skippedStart;
var dropped = agentStreams.Sum(s => s.Capture.Frames.DroppedFrames) - droppedStart;
var trimmed = agentStreams.Sum(s => s.Playout?.TrimmedFrames ?? 0) - trimmedStart;
var connected = running.Count(t => !t.IsCompleted);
var pacing = peers.Await("pacing").Split(' ', 2);
var callerToAgent = peers.Await("callerToAgent").Split(' ', 2);
var agentToRtp = peers.Await("agentToRtp").Split(' ', 2);
var peersCpu = peers.Await("cpu");
peers.Await("done");

await ending.CancelAsync();
await Task.WhenAll(running);
foreach (var session in media)
{
    await session.DisposeAsync();
}

Console.WriteLine($"| measure ({streams} bidirectional streams, {agentKind} agents, {seconds} s, {Environment.ProcessorCount} cores) | value |");
Console.WriteLine("| --- | --- |");
Row("streams still connected at the end of the window", $"{connected} of {streams}");
Row($"RTP interval deviation from 20 ms: p50 / p99 / p99.9 / max (talkspurt starts left out: {pacing[0]})", pacing[1]);
Row($"caller frame in (RTP sent) → WebSocket frame at the agent: p50 / p99 / p99.9 / max ({callerToAgent[0]} pulses)", callerToAgent[1]);
Row($"agent frame out (WebSocket) → RTP at the caller: p50 / p99 / p99.9 / max ({agentToRtp[0]} pulses)", agentToRtp[1]);
Row("caller frames dropped for a slow agent", $"{dropped:N0}");
Row("standing frames trimmed (quiet frames dropped)", $"{trimmed:N0}");
Row("clock ticks skipped in the window", $"{skipped}");
Row("CPU, streams process (engine and streams)", $"{100 * cpu / elapsed:F1} % of one core");
Row("CPU, peers process (callers and agents)", $"{peersCpu} % of one core");
Row("allocated during the window", $"{allocated:N0} B ({allocated / Math.Max(1.0, elapsed.TotalSeconds * streams * 100):F1} B per frame each way); GCs gen0/1/2: {gcs.Item1}/{gcs.Item2}/{gcs.Item3}");
return 0;

static void Row(string measure, string value) => Console.WriteLine($"| {measure} | {value} |");

string Text(string name, string fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}

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
