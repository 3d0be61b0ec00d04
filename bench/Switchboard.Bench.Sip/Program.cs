using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Bench.Sip;
using Switchboard.Sip.UserAgent;

// SIPp (built-in uac scenario) calls our SipUserAgent at a fixed rate: INVITE, our 200 OK with a static SDP, ACK, a
// short hold, BYE from SIPp. Prints one table: what SIPp saw (completed, failed, its retransmissions) and what our
// process spent (CPU, memory, allocations). Usage: [--rate 300] [--calls 9000] [--hold-ms 1000]
var rate = Option("--rate", 300);
var calls = Option("--calls", 9000);
var holdMs = Option("--hold-ms", 1000);

await using var agent = new SipUserAgent(new SipUserAgentOptions(new IPEndPoint(IPAddress.Loopback, 0), null), TimeProvider.System, NullLoggerFactory.Instance)
{
    InboundCalls = new AutoAnswer(),
};
await agent.StartAsync(CancellationToken.None);
var handler = (AutoAnswer)agent.InboundCalls;

var work = Path.Combine(Path.GetTempPath(), "switchboard-bench-sip-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(work);
var stats = Path.Combine(work, "stats.csv");
var sipp = new ProcessStartInfo("sipp")
{
    WorkingDirectory = work,
    RedirectStandardOutput = true,
    RedirectStandardError = true,
    UseShellExecute = false,
};
foreach (var arg in new[]
{
    "-sn", "uac", "-i", "127.0.0.1", "-p", FreeUdpPort().ToString(CultureInfo.InvariantCulture), "-r", rate.ToString(CultureInfo.InvariantCulture), "-m", calls.ToString(CultureInfo.InvariantCulture),
    "-d", holdMs.ToString(CultureInfo.InvariantCulture), "-l", (rate * 10).ToString(CultureInfo.InvariantCulture),
    "-nostdin", "-timeout", "300s", "-trace_stat", "-stf", stats, "-fd", "1", "-nd",
    $"127.0.0.1:{agent.LocalEndPoint.Port}",
})
{
    sipp.ArgumentList.Add(arg);
}

GC.Collect();
var process = Process.GetCurrentProcess();
var cpuBefore = process.TotalProcessorTime;
var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
var gen0 = GC.CollectionCount(0);
var gen2 = GC.CollectionCount(2);
var wall = Stopwatch.StartNew();
var peakWorkingSet = 0L;
var peakActive = 0;

using var run = Process.Start(sipp) ?? throw new InvalidOperationException("sipp did not start");
var output = run.StandardOutput.ReadToEndAsync();
var errors = run.StandardError.ReadToEndAsync();
while (!run.HasExited)
{
    process.Refresh();
    peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
    peakActive = Math.Max(peakActive, agent.ActiveCallCount);
    await Task.Delay(100);
}

// Our side is done when every answered call has seen its BYE (or a few seconds pass).
var settle = Stopwatch.StartNew();
while (handler.Ended < handler.Received && settle.Elapsed < TimeSpan.FromSeconds(10))
{
    await Task.Delay(50);
}

wall.Stop();
process.Refresh();
var cpu = process.TotalProcessorTime - cpuBefore;
var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
var statistics = SippStatistics.Read(stats);
var completed = statistics.Count("SuccessfulCall(C)");

Console.WriteLine($"SIPp uac → SipUserAgent on loopback: {calls:N0} calls at {rate}/s, {holdMs} ms each (SIPp exit code {run.ExitCode})");
Console.WriteLine();
Console.WriteLine("| measure | value |");
Console.WriteLine("| --- | --- |");
Console.WriteLine($"| calls completed (SIPp: INVITE → 200 → ACK → BYE → 200) | {completed:N0} |");
Console.WriteLine($"| calls failed (SIPp) | {statistics.Count("FailedCall(C)"):N0} |");
Console.WriteLine($"| SIPp retransmissions (requests we answered late or lost) | {statistics.Count("Retransmissions(C)"):N0} |");
Console.WriteLine($"| SIPp's achieved call rate | {statistics.Text("CallRate(C)")} calls/s |");
Console.WriteLine($"| calls answered / ended on our side | {handler.Answered:N0} / {handler.Ended:N0} |");
Console.WriteLine($"| messages we dropped (unparseable) | {agent.DroppedMessageCount:N0} |");
Console.WriteLine($"| most calls up at once (sampled) | {peakActive:N0} |");
Console.WriteLine($"| wall time | {wall.Elapsed.TotalSeconds:F1} s |");
Console.WriteLine($"| CPU, our process | {cpu.TotalSeconds:F2} s = {100 * cpu.TotalSeconds / wall.Elapsed.TotalSeconds:F0} % of one core = {cpu.TotalMilliseconds * 1000 / Math.Max(1, completed):F0} µs per call |");
Console.WriteLine($"| allocated | {allocated / 1024.0 / 1024.0:F0} MiB = {allocated / Math.Max(1, completed) / 1024.0:F1} KiB per call; GCs gen0 {GC.CollectionCount(0) - gen0}, gen2 {GC.CollectionCount(2) - gen2} |");
Console.WriteLine($"| peak working set | {peakWorkingSet / 1024.0 / 1024.0:F0} MiB |");
if (run.ExitCode != 0)
{
    Console.Error.WriteLine((await output)[^Math.Min(3000, (await output).Length)..] + await errors);
}

Directory.Delete(work, recursive: true);
return completed == calls ? 0 : 1;

static int FreeUdpPort()
{
    using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Udp);
    socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
    return ((IPEndPoint)socket.LocalEndPoint!).Port;
}

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
