namespace Switchboard.Bench.Sip;

/// <summary>What answers SIPp's calls in a run: our <c>SipUserAgent</c>, or a second SIPp as the ceiling.</summary>
internal interface ICallee : IAsyncDisposable
{
    /// <summary>Names the callee in the table's title and rows.</summary>
    string Name { get; }

    /// <summary>The process whose CPU time and memory the table reports.</summary>
    int ProcessId { get; }

    /// <summary>The UDP port on 127.0.0.1 that SIPp sends its INVITEs to.</summary>
    int Port { get; }

    /// <summary>The command that started the callee when it is a process of its own; null for ours.</summary>
    string? CommandLine { get; }

    /// <summary>Takes the starting figures; called just before SIPp starts calling.</summary>
    void BeginRun();

    /// <summary>Called every 100 ms while SIPp calls.</summary>
    void Sample();

    /// <summary>Waits (a few seconds at most) for the callee to finish its calls, then gives its own figures.</summary>
    Task<CalleeReport> EndRunAsync(long completedCalls);
}
