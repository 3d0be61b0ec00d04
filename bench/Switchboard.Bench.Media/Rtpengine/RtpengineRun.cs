using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging;

namespace Switchboard.Bench.Media.Rtpengine;

/// <summary>
/// The bridge run's load relayed by rtpengine instead of our bridges, for comparison: the same
/// <see cref="FarEnds"/> (one receiving socket, one generator thread, the same SDP), the same number of calls,
/// both directions of every call, the same warm-up and window. Each call is set up as a SIP proxy would set it
/// up (ng <c>offer</c> with the caller's SDP, <c>answer</c> with the callee's); the generator then speaks for
/// both ends into the relay ports the rewritten SDPs name, and rtpengine relays each frame to the other end's
/// receiver. rtpengine's CPU and memory are read from /proc for its process. Prints one table.
/// </summary>
internal static class RtpengineRun
{
    // Below Linux's ephemeral range (32768–60999), where the receivers and the ng client bind.
    private const int PortMin = 20000;

    public static async Task<int> RunAsync(int calls, int seconds, int receiverCount, int warmup, bool kernelTime)
    {
        var executable = RtpengineDaemon.FindExecutable();
        if (executable is null)
        {
            await Console.Error.WriteLineAsync("rtpengine is not installed: apt-get install rtpengine-daemon (or the rtpengine package)");
            return 2;
        }

        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole());
        var logger = loggerFactory.CreateLogger(typeof(RtpengineRun));
        var version = await RtpengineDaemon.VersionAsync(executable, CancellationToken.None);

        // Each call takes an RTP and an RTCP port per side; twice that leaves rtpengine room to find free pairs.
        var portMax = PortMin + (calls * 8);
        await using var daemon = await RtpengineDaemon.StartAsync(executable, PortMin, portMax, logger, CancellationToken.None);
        var residentIdle = daemon.ResidentBytes;

        // Stream 2c is call c's caller speaking, 2c+1 its callee; rtpengine passes the SSRC through unchanged.
        var streams = calls * 2;
        var streamOf = Enumerable.Range(0, streams).ToDictionary(FrameGenerator.SsrcOf, stream => stream);
        using var farEnds = new FarEnds(streamOf, streams, receiverCount, kernelTime);
        var targets = new IPEndPoint[streams];
        for (var call = 0; call < calls; call++)
        {
            var callId = CallId(call);
            var offer = Checked(await daemon.Control.OfferAsync(callId, "caller", farEnds.SdpFor(2 * call), CancellationToken.None), "offer", callId, logger);
            targets[(2 * call) + 1] = RelayAddress.From(offer.Sdp);
            var answer = Checked(await daemon.Control.AnswerAsync(callId, "caller", "callee", farEnds.SdpFor((2 * call) + 1), CancellationToken.None), "answer", callId, logger);
            targets[2 * call] = RelayAddress.From(answer.Sdp);
        }

        farEnds.Start(targets);
        await Task.Delay(TimeSpan.FromSeconds(warmup));
        var residentWithCalls = daemon.ResidentBytes;

        var bench = Process.GetCurrentProcess();
        bench.Refresh();
        var benchCpuStart = bench.TotalProcessorTime;
        var daemonCpuStart = daemon.CpuTime;
        var elapsed = await farEnds.MeasureAsync(TimeSpan.FromSeconds(seconds), daemon.ProcessId, port => port >= PortMin && port <= portMax);
        var daemonCpu = daemon.CpuTime - daemonCpuStart;
        bench.Refresh();
        var benchCpu = bench.TotalProcessorTime - benchCpuStart;

        var far = await farEnds.StopAsync();
        for (var call = 0; call < calls; call++)
        {
            Checked(await daemon.Control.DeleteAsync(CallId(call), "caller", CancellationToken.None), "delete", CallId(call), logger);
        }

        Console.WriteLine($"| measure ({calls} calls through rtpengine = {streams} streams, {seconds} s, {Environment.ProcessorCount} cores) | value |");
        Console.WriteLine("| --- | --- |");
        Row("rtpengine", $"{version}; userspace forwarding: `{daemon.CommandLine}`");
        foreach (var (measure, value) in far.Rows("rtpengine", kernelTime))
        {
            Row(measure, value);
        }

        Row("CPU, bench process (far ends + receivers)", $"{100 * benchCpu / elapsed:F1} % of one core");
        Row("CPU, rtpengine (all its threads)", $"{100 * daemonCpu / elapsed:F1} % of one core = {daemonCpu.TotalMicroseconds / Math.Max(1, far.FramesSent + far.PacketsReceived):F2} µs per packet received or sent = {100 * daemonCpu / elapsed / calls:F4} % of a core per call");
        Row("resident set of rtpengine: started / with the calls (growth per call)", $"{residentIdle / 1048576.0:F1} / {residentWithCalls / 1048576.0:F1} MiB ({(residentWithCalls - residentIdle) / 1024.0 / calls:F1} KiB)");
        return 0;
    }

    private static string CallId(int call) => $"bench-call-{call}";

    private static NgReply Checked(NgReply reply, string command, string callId, ILogger logger)
    {
        if (!reply.IsSuccess)
        {
            throw new InvalidOperationException($"rtpengine refused the {command} for {callId}: {reply.ErrorReason}");
        }

        if (reply.Warning is { } warning)
        {
            RtpengineLog.RequestWarned(logger, command, callId, warning);
        }

        return reply;
    }

    private static void Row(string name, string value) => Console.WriteLine($"| {name} | {value} |");
}
