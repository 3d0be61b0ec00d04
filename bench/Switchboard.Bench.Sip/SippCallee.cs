namespace Switchboard.Bench.Sip;

/// <summary>
/// A second SIPp running the built-in <c>uas</c> scenario (180, then 200 with an SDP; 200 to the BYE; 4 s of
/// timewait per call): the callee that shows what SIPp and this machine allow, against which ours is read.
/// </summary>
internal sealed class SippCallee : ICallee
{
    private readonly SippProcess _sipp;

    private SippCallee(SippProcess sipp, int port)
    {
        _sipp = sipp;
        Port = port;
    }

    public string Name => "SIPp uas";

    public int ProcessId => _sipp.Id;

    public int Port { get; }

    public string? CommandLine => _sipp.CommandLine;

    /// <summary>Starts the uas in <paramref name="directory"/> and waits until it has written its first figures.</summary>
    public static async Task<SippCallee> StartAsync(string directory)
    {
        var port = LoopbackPort.FreeUdp();
        var callee = new SippCallee(SippProcess.Start("uas", port, directory, []), port);
        var started = TimeProvider.System.GetTimestamp();
        while (callee._sipp.ReadStatistics() is null)
        {
            if (callee._sipp.HasExited || TimeProvider.System.GetElapsedTime(started) > TimeSpan.FromSeconds(10))
            {
                throw new InvalidOperationException("SIPp uas did not start:\n" + await callee._sipp.OutputTailAsync());
            }

            await Task.Delay(50);
        }

        return callee;
    }

    public void BeginRun()
    {
    }

    public void Sample()
    {
    }

    public async Task<CalleeReport> EndRunAsync(long completedCalls)
    {
        // A uas counts a call only once its timewait is over: wait for every call it took to be counted.
        var settle = TimeProvider.System.GetTimestamp();
        var statistics = _sipp.ReadStatistics()!;
        while (Ended(statistics) < statistics.Count("IncomingCall(C)") && TimeProvider.System.GetElapsedTime(settle) < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(250);
            statistics = _sipp.ReadStatistics()!;
        }

        return new CalleeReport($"{statistics.Count("IncomingCall(C)"):N0} / {Ended(statistics):N0}", "n/a", "n/a", "n/a", "n/a (not .NET)");
    }

    public async ValueTask DisposeAsync()
    {
        await _sipp.StopAsync();
        _sipp.Dispose();
    }

    private static long Ended(SippStatistics statistics) => statistics.Count("SuccessfulCall(C)") + statistics.Count("FailedCall(C)");
}
