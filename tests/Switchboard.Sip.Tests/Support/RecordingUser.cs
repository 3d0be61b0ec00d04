using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.Tests.Support;

sealed class RecordingUser : ISipClientTransactionUser
{
    public List<SipResponse> Responses { get; } = [];

    public List<SipTransactionFailure> Failures { get; } = [];

    public void OnResponse(SipResponse response) => Responses.Add(response);

    public void OnFailure(SipTransactionFailure failure) => Failures.Add(failure);
}
