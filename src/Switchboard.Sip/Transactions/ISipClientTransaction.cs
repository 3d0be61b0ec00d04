using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Transactions;

internal interface ISipClientTransaction
{
    void OnResponseReceived(SipResponse response);
}
