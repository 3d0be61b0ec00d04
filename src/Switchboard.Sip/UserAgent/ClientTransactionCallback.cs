using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.UserAgent;

/// <summary>Adapts two delegates to <see cref="ISipClientTransactionUser"/>, so one call can own several transactions.</summary>
internal sealed class ClientTransactionCallback(Action<SipResponse> onResponse, Action<SipTransactionFailure> onFailure)
    : ISipClientTransactionUser
{
    public void OnResponse(SipResponse response) => onResponse(response);

    public void OnFailure(SipTransactionFailure failure) => onFailure(failure);
}
