namespace Switchboard.Sip.Transactions;

/// <summary>RFC 3261 Figure 5, with the Accepted state of RFC 6026 §7.2.</summary>
public enum InviteClientState
{
    Calling,
    Proceeding,
    Completed,
    Accepted,
    Terminated,
}
