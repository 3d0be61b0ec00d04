using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Transactions;

internal interface ISipServerTransaction
{
    /// <summary>
    /// A retransmission of the request (or, for INVITE, an ACK) matched this transaction. Returns false when the
    /// transaction does not absorb it and the TU must see it: an ACK for a 2xx (RFC 6026 §7.1).
    /// </summary>
    bool OnRequestReceived(SipRequest request);
}
