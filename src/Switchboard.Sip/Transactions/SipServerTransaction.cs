using System.Net;
using Switchboard.Foundation.StateMachines;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Metrics;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// What the INVITE and non-INVITE server transactions (RFC 3261 §17.2.1, §17.2.2) share: the last response, sent
/// again when the request is retransmitted, and the end of the transaction when the timer of its last state fires.
/// Each kind brings its states, timers and what a retransmission does.
/// </summary>
public abstract class SipServerTransaction<TState> : SipTransaction<TState>, ISipServerTransaction
    where TState : struct, Enum
{
    private readonly Action<SipServerTransaction<TState>> _onTerminated;

    private protected SipServerTransaction(
        SipRequest request,
        SipTransactionKey key,
        (IPEndPoint ResponseDestination, ISipTransport Transport) peer,
        SipTransactionContext context,
        (TransitionTable<TState> Table, TState Initial, TState Terminated) states,
        Action<SipServerTransaction<TState>> onTerminated)
        : base(request, key, peer, context, states) => _onTerminated = onTerminated;

    /// <summary>The last response sent; a retransmitted request gets it again.</summary>
    private protected byte[]? LastResponse { get; private set; }

    public abstract bool OnRequestReceived(SipRequest request);

    /// <summary>
    /// Sends <paramref name="response"/> and keeps it as the one to repeat. A socket error is not reported
    /// (RFC 3261 §17.2.4 would tell the TU): a lost response goes again with the request's retransmission.
    /// </summary>
    private protected void SendAndKeep(SipResponse response)
    {
        LastResponse = SipMessageWriter.ToArray(response);
        TrySend(LastResponse);
    }

    /// <summary>Sends the last response again (for a repeated request, or on Timer G), counted as a retransmission.</summary>
    private protected void RepeatLastResponse()
    {
        SipMetrics.CountResponseRetransmitted();
        TrySend(LastResponse!);
    }

    /// <summary>The timer of <paramref name="from"/> fired: the transaction ends if it is still there.</summary>
    private protected void Terminate(TState from)
    {
        lock (Gate)
        {
            if (!EqualityComparer<TState>.Default.Equals(State, from))
            {
                return;
            }

            TryTerminate();
        }

        _onTerminated(this);
    }
}
