using System.Net;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Transactions;

internal interface ISipClientTransaction
{
    ISipTransport Transport { get; }

    IPEndPoint Destination { get; }

    void OnResponseReceived(SipResponse response);

    /// <summary>
    /// A stream transport could not deliver to <see cref="Destination"/> (RFC 3261 §17.1.4): a transaction still
    /// waiting for its final response fails with <see cref="SipTransactionFailure.TransportError"/>.
    /// </summary>
    void OnTransportFailed();
}
