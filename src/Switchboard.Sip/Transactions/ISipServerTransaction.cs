using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Transactions;

internal interface ISipServerTransaction
{
    /// <summary>A retransmission of the request (or, for INVITE, the ACK) matched this transaction.</summary>
    void OnRequestReceived(SipRequest request);
}
