namespace Switchboard.Sip.Transactions;

/// <summary>RFC 3261 Figure 6.</summary>
public enum NonInviteClientState
{
    Trying,
    Proceeding,
    Completed,
    Terminated,
}
