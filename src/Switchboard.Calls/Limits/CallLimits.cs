namespace Switchboard.Calls.Limits;

/// <summary>How many calls the server takes, how long they may last, and how it stops.</summary>
public sealed record CallLimits
{
    public static CallLimits Default { get; } = new();

    /// <summary>New calls per second per account (outbound placed plus inbound answered); the bucket holds one second's worth.</summary>
    public double CallsPerSecondPerAccount { get; init; } = 10;

    /// <summary>Live calls per account.</summary>
    public int ConcurrentCallsPerAccount { get; init; } = 100;

    /// <summary>
    /// Live calls on the whole server: every call is at least one RTP stream on the one media clock, and past this
    /// many the clock's 20 ms pacing (docs/performance.md) is no longer guaranteed on a small machine.
    /// </summary>
    public int MaxLiveCalls { get; init; } = 1000;

    /// <summary>The longest a call may last once answered when it asks for no shorter <c>timeLimit</c>.</summary>
    public TimeSpan MaxCallDuration { get; init; } = TimeSpan.FromHours(4);

    /// <summary>How long a shutdown lets live calls finish by themselves before it hangs them up.</summary>
    public TimeSpan ShutdownGrace { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Tokens the per-account bucket holds: one second of calls, at least one.</summary>
    public double Burst => Math.Max(1, Math.Ceiling(CallsPerSecondPerAccount));
}
