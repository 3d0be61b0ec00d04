using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Bench.Sip;

/// <summary>Our <c>SipUserAgent</c> in this process, answering every call at once (<see cref="AutoAnswer"/>).</summary>
internal sealed class SwitchboardCallee : ICallee
{
    private readonly SipUserAgent _agent;
    private readonly AutoAnswer _handler = new();
    private int _mostCallsUp;
    private long _allocatedBefore;
    private int _gen0Before;
    private int _gen2Before;
    private TimeSpan _pausedBefore;
    private long _lastSample;
    private TimeSpan _longestSampleGap;
    private long _mostQueuedWork;
    private TimeSpan _longestGcPause;

    private SwitchboardCallee(SipUserAgent agent)
    {
        _agent = agent;
        _agent.InboundCalls = _handler;
    }

    public string Name => "SipUserAgent";

    public int ProcessId => Environment.ProcessId;

    public int Port => _agent.LocalEndPoint.Port;

    public string? CommandLine => null;

    public static async Task<SwitchboardCallee> StartAsync()
    {
        var agent = new SipUserAgent(new SipUserAgentOptions(new IPEndPoint(IPAddress.Loopback, 0), null), TimeProvider.System, NullLoggerFactory.Instance);
        var callee = new SwitchboardCallee(agent);
        await agent.StartAsync(CancellationToken.None);
        return callee;
    }

    public void BeginRun()
    {
        GC.Collect();
        _allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        _gen0Before = GC.CollectionCount(0);
        _gen2Before = GC.CollectionCount(2);
        _pausedBefore = GC.GetTotalPauseDuration();
        _lastSample = TimeProvider.System.GetTimestamp();
    }

    public void Sample()
    {
        // Samples are 100 ms apart; a longer gap means this process was not running (a GC pause, or the machine).
        _longestSampleGap = TimeSpan.FromTicks(Math.Max(_longestSampleGap.Ticks, TimeProvider.System.GetElapsedTime(_lastSample).Ticks));
        _lastSample = TimeProvider.System.GetTimestamp();
        _mostCallsUp = Math.Max(_mostCallsUp, _agent.ActiveCallCount);
        _mostQueuedWork = Math.Max(_mostQueuedWork, ThreadPool.PendingWorkItemCount);
        foreach (var pause in GC.GetGCMemoryInfo(GCKind.Any).PauseDurations)
        {
            _longestGcPause = TimeSpan.FromTicks(Math.Max(_longestGcPause.Ticks, pause.Ticks));
        }
    }

    public async Task<CalleeReport> EndRunAsync(long completedCalls)
    {
        // SIPp has its 200 for every BYE by now; the ends may still be on their way through our continuations.
        var settle = TimeProvider.System.GetTimestamp();
        while (_handler.Ended < _handler.Received && TimeProvider.System.GetElapsedTime(settle) < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50);
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - _allocatedBefore;
        return new CalleeReport(
            $"{_handler.Answered:N0} / {_handler.Ended:N0}",
            $"{_agent.DroppedMessageCount:N0}",
            $"{_mostCallsUp:N0} (sampled)",
            $"longest gap between 100 ms samples {_longestSampleGap.TotalMilliseconds:F0} ms; most work items queued {_mostQueuedWork:N0}; {ThreadPool.ThreadCount} pool threads",
            $"{allocated / 1024.0 / 1024.0:F0} MiB = {allocated / Math.Max(1, completedCalls) / 1024.0:F1} KiB per call; "
            + $"GCs gen0 {GC.CollectionCount(0) - _gen0Before}, gen2 {GC.CollectionCount(2) - _gen2Before}, paused {(GC.GetTotalPauseDuration() - _pausedBefore).TotalMilliseconds:F0} ms in all, "
            + $"longest pause {_longestGcPause.TotalMilliseconds:F0} ms");
    }

    public ValueTask DisposeAsync() => _agent.DisposeAsync();
}
