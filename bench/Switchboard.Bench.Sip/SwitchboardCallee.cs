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
    }

    public void Sample() => _mostCallsUp = Math.Max(_mostCallsUp, _agent.ActiveCallCount);

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
            $"{allocated / 1024.0 / 1024.0:F0} MiB = {allocated / Math.Max(1, completedCalls) / 1024.0:F1} KiB per call; "
            + $"GCs gen0 {GC.CollectionCount(0) - _gen0Before}, gen2 {GC.CollectionCount(2) - _gen2Before}");
    }

    public ValueTask DisposeAsync() => _agent.DisposeAsync();
}
