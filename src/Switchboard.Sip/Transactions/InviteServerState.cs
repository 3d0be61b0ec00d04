namespace Switchboard.Sip.Transactions;

/// <summary>RFC 3261 Figure 7, with the Accepted state of RFC 6026 §7.1.</summary>
public enum InviteServerState
{
    Proceeding,
    Completed,
    Confirmed,
    Accepted,
    Terminated,
}
