namespace Switchboard.Sip.Transactions;

/// <summary>The RFC 3261 §17.1.1.1 / Table 4 timer base values.</summary>
/// <param name="T1">RTT estimate, 500 ms by default.</param>
/// <param name="T2">Maximum retransmit interval for non-INVITE requests and INVITE responses, 4 s.</param>
/// <param name="T4">Maximum time a message remains in the network, 5 s.</param>
public sealed record SipTimerSettings(TimeSpan T1, TimeSpan T2, TimeSpan T4)
{
    public static SipTimerSettings Default { get; } = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5));

    /// <summary>Timers B, F, H and J: 64*T1.</summary>
    public TimeSpan TransactionTimeout => T1 * 64;

    /// <summary>Timer D for unreliable transports: "at least 32 seconds" (RFC 3261 §17.1.1.2).</summary>
    public TimeSpan InviteResponseAbsorb => TimeSpan.FromSeconds(32);
}
