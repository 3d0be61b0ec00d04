using System.Diagnostics;
using Switchboard.Bench.Media;

namespace Switchboard.Bench.Streams;

/// <summary>
/// The far ends, run as a process of their own so their work (every caller's RTP, every agent's WebSocket) does not
/// share a runtime, thread pool or garbage collector with the streams measured. It talks to the streams process a line
/// at a time: it says <c>ready {agentPort} {callerPort}</c>; it is told <c>sessions {port}:{ssrc} ...</c> and starts
/// the callers; <c>measure</c> and <c>stop</c> open and close the window, after which it prints its figures and
/// <c>done</c>. Both processes read <see cref="Stopwatch"/> (CLOCK_MONOTONIC), but every latency is measured here
/// anyway: a pulse is stamped when a caller sends it and when the agent hears it, when the agent echoes it and when
/// the caller hears it back.
/// </summary>
internal static class Peers
{
    public static async Task<int> RunAsync(int streams, bool speechOnly)
    {
        var stamps = new Stamps(streams);
        await using var agent = new EchoAgent(stamps, speechOnly);
        await agent.StartAsync();
        using var callers = new CallerPeer(stamps);
        Console.WriteLine($"ready {agent.Port} {callers.Port}");
        var process = Process.GetCurrentProcess();
        var cpuStart = TimeSpan.Zero;
        var clock = new Stopwatch();
        while (Console.ReadLine() is { } line)
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (words.FirstOrDefault())
            {
                case "sessions":
                    var sessions = words.Skip(1).Select(word => word.Split(':')).ToArray();
                    callers.Start(
                        [.. sessions.Select(pair => int.Parse(pair[0]))],
                        sessions.Select((pair, index) => (Ssrc: uint.Parse(pair[1]), index)).ToDictionary(entry => entry.Ssrc, entry => entry.index));
                    Console.WriteLine("started");
                    break;
                case "measure":
                    process.Refresh();
                    cpuStart = process.TotalProcessorTime;
                    clock.Restart();
                    stamps.Measuring = true;
                    break;
                case "stop":
                    stamps.Measuring = false;
                    process.Refresh();
                    var cpu = 100 * (process.TotalProcessorTime - cpuStart) / clock.Elapsed;
                    Console.WriteLine($"pacing {callers.Talkspurts} {Figures(callers.Pacing)}");
                    Console.WriteLine($"callerToAgent {stamps.CallerToAgent.Count} {Figures(stamps.CallerToAgent)}");
                    Console.WriteLine($"agentToRtp {stamps.AgentToRtp.Count} {Figures(stamps.AgentToRtp)}");
                    Console.WriteLine($"cpu {cpu:F1}");
                    Console.WriteLine("done");
                    break;
            }
        }

        return 0;
    }

    private static string Figures(DeviationHistogram histogram) =>
        $"{histogram.PercentileMilliseconds(0.50):F2} / {histogram.PercentileMilliseconds(0.99):F2} / {histogram.PercentileMilliseconds(0.999):F2} / {histogram.MaxMicroseconds / 1000:F2} ms";
}
