using System.Diagnostics;
using System.Globalization;
using Switchboard.Bench.Sip;

// SIPp (built-in uac scenario) calls a callee on loopback at a fixed rate: INVITE, 200 OK with an SDP, ACK, a short
// hold, BYE from SIPp, 200. The callee is our SipUserAgent (--peer switchboard, the default) or, for the ceiling on
// this machine, a second SIPp running its built-in uas scenario (--peer sipp). Prints one table: what SIPp saw
// (completed, failed, its retransmissions, the rate it kept) and what the callee's process and the calling SIPp spent.
var options = BenchOptions.Parse(args);
var work = Path.Combine(Path.GetTempPath(), "switchboard-bench-sip-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(work);
try
{
    await using ICallee callee = options.Peer == BenchPeer.Sipp ? await SippCallee.StartAsync(work) : await SwitchboardCallee.StartAsync();
    return await RunAsync(options, callee, work);
}
finally
{
    Directory.Delete(work, recursive: true);
}

static async Task<int> RunAsync(BenchOptions options, ICallee callee, string work)
{
    string[] load =
    [
        "-r", Text(options.Rate), "-m", Text(options.Calls), "-d", Text(options.HoldMs), "-l", Text(options.Rate * 10),
        "-timeout", "300s", "-nd", $"127.0.0.1:{callee.Port}",
    ];
    callee.BeginRun();
    var calleeBefore = ProcessUsage.Read(callee.ProcessId);
    var childrenBefore = ProcessUsage.ReapedChildrenCpu();
    var wall = Stopwatch.StartNew();
    var uacPort = LoopbackPort.FreeUdp();
    using var uac = SippProcess.Start("uac", uacPort, work, load);
    var calleeDrops = UdpSocketDrops.Read(callee.Port);
    var uacDrops = 0L;
    for (var tick = 0; !uac.HasExited; tick++)
    {
        callee.Sample();

        // The uac's socket goes when it exits, so its drops are read while it runs: once a second, since reading
        // them costs this process kernel time that would count as the callee's when the callee is ours.
        if (tick % 10 == 0)
        {
            uacDrops = Math.Max(uacDrops, UdpSocketDrops.Read(uacPort));
        }

        await Task.Delay(100);
    }

    await uac.WaitForExitAsync(CancellationToken.None);
    wall.Stop();
    var calleeUsage = ProcessUsage.Read(callee.ProcessId);
    calleeDrops = UdpSocketDrops.Read(callee.Port) - calleeDrops;
    var calleeCpu = calleeUsage.Cpu - calleeBefore.Cpu;
    var uacCpu = ProcessUsage.ReapedChildrenCpu() - childrenBefore;
    var statistics = uac.ReadStatistics() ?? throw new InvalidOperationException("SIPp wrote no statistics:\n" + await uac.OutputTailAsync());
    var completed = statistics.Count("SuccessfulCall(C)");
    var failed = statistics.Count("FailedCall(C)");
    var report = await callee.EndRunAsync(completed);

    var table = new ResultTable($"SIPp uac → {callee.Name} on loopback: {options.Calls:N0} calls at {options.Rate}/s, {options.HoldMs} ms each (SIPp exit code {uac.ExitCode})");
    table.Add("calls completed (SIPp: INVITE → 200 → ACK → BYE → 200)", $"{completed:N0}");
    table.Add("calls failed (SIPp)", $"{failed:N0}");
    table.Add("SIPp retransmissions (requests answered late or lost)", $"{statistics.Count("Retransmissions(C)"):N0} (in {statistics.PeriodsWith("Retransmissions(P)")} of {statistics.Periods} one-second periods)");
    table.Add("SIPp's call rate while placing calls", $"{statistics.RateWhilePlacing(options.Calls):F1} calls/s for {options.Calls / (double)options.Rate:F0} s; lowest one-second period {statistics.LowestPeriodRateWhilePlacing(options.Calls):F1}");
    table.Add("SIPp's call rate over the whole run (with the last calls' hold)", $"{statistics.Rate("CallRate(C)"):F1} calls/s");
    table.Add($"datagrams the kernel dropped, receive buffer full ({callee.Name} / SIPp uac, read each second)", $"{calleeDrops:N0} / {uacDrops:N0}");
    table.Add($"calls answered / ended ({callee.Name})", report.AnsweredAndEnded);
    table.Add($"messages dropped as unparseable ({callee.Name})", report.Dropped);
    table.Add($"most calls up at once ({callee.Name})", report.MostCallsUp);
    table.Add($"stalls ({callee.Name})", report.Stalls);
    table.Add("wall time (SIPp uac's run)", $"{wall.Elapsed.TotalSeconds:F1} s");
    table.Add($"CPU, {callee.Name}", Cpu(calleeCpu, wall.Elapsed, completed));
    table.Add("CPU, SIPp uac", Cpu(uacCpu, wall.Elapsed, completed));
    table.Add($"allocated ({callee.Name})", report.Allocated);
    table.Add($"peak resident memory ({callee.Name}, VmHWM)", $"{calleeUsage.PeakResidentBytes / 1024.0 / 1024.0:F0} MiB");
    table.WriteTo(Console.Out);
    Console.WriteLine();
    Console.WriteLine($"uac: {uac.CommandLine}");
    if (callee.CommandLine is { } calleeCommand)
    {
        Console.WriteLine($"uas: {calleeCommand}");
    }

    if (uac.ExitCode != 0)
    {
        Console.Error.WriteLine(await uac.OutputTailAsync());
    }

    return completed == options.Calls && failed == 0 ? 0 : 1;
}

static string Cpu(TimeSpan cpu, TimeSpan wall, long completed) =>
    $"{cpu.TotalSeconds:F2} s = {100 * cpu.TotalSeconds / wall.TotalSeconds:F0} % of one core = {cpu.TotalMilliseconds * 1000 / Math.Max(1, completed):F0} µs per call";

static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
