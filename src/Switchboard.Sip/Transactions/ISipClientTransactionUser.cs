using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Transactions;

/// <summary>The transaction user (RFC 3261 §17) of a client transaction. Never called while a lock is held.</summary>
public interface ISipClientTransactionUser
{
    void OnResponse(SipResponse response);

    void OnFailure(SipTransactionFailure failure);
}
