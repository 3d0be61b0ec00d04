namespace Switchboard.Sip.Transactions;

/// <summary>RFC 3261 Figure 7.</summary>
public enum InviteServerState
{
    Proceeding,
    Completed,
    Confirmed,
    Terminated,
}
