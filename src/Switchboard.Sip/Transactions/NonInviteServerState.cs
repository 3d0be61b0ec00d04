namespace Switchboard.Sip.Transactions;

/// <summary>RFC 3261 Figure 8.</summary>
public enum NonInviteServerState
{
    Trying,
    Proceeding,
    Completed,
    Terminated,
}
