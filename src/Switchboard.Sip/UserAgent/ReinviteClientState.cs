namespace Switchboard.Sip.UserAgent;

/// <summary>Our re-INVITE (RFC 3261 §14.1).</summary>
internal enum ReinviteClientState
{
    /// <summary>Not sent yet.</summary>
    Idle,

    /// <summary>The INVITE client transaction is running.</summary>
    Sending,

    /// <summary>A 491 (or the peer's own offer in progress) arrived; the §14.1 timer runs before the one retry.</summary>
    WaitingToRetry,

    /// <summary>The result is known; only retransmitted 2xx still need the ACK again.</summary>
    Finished,
}
