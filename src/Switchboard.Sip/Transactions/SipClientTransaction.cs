using System.Net;
using Switchboard.Foundation.StateMachines;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Metrics;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// What the INVITE and non-INVITE client transactions (RFC 3261 §17.1.1, §17.1.2) share: the request's
/// retransmission timer (A or E, unreliable transports only), the transaction timeout (B or F), the timer that
/// absorbs retransmitted responses after the final one (D, M or K), and the end on a timeout or a transport failure
/// (§17.1.4), each reported to the transaction user. Each kind brings its states and the rules that differ.
/// </summary>
public abstract class SipClientTransaction<TState> : SipTransaction<TState>, ISipClientTransaction
    where TState : struct, Enum
{
    private readonly ISipClientTransactionUser _user;
    private readonly Action<SipClientTransaction<TState>> _onTerminated;
    private readonly byte[] _requestBytes;
    private readonly SipTransactionTimer _retransmitTimer;
    private readonly SipTransactionTimer _timeoutTimer;
    private readonly SipTransactionTimer _absorbTimer;
    private TimeSpan _retransmitInterval;

    private protected SipClientTransaction(
        SipRequest request,
        (IPEndPoint Destination, ISipTransport Transport) peer,
        SipTransactionContext context,
        (TransitionTable<TState> Table, TState Initial, TState Terminated) states,
        ISipClientTransactionUser user,
        Action<SipClientTransaction<TState>> onTerminated)
        : base(request, SipTransactionKey.ForClient(request), peer, context, states)
    {
        _user = user;
        _onTerminated = onTerminated;
        _requestBytes = SipMessageWriter.ToArray(request);
        _retransmitTimer = CreateTimer(OnRetransmitTimer);
        _timeoutTimer = CreateTimer(OnTimeoutTimer);
        _absorbTimer = CreateTimer(OnAbsorbTimer);
    }

    public IPEndPoint Destination => Remote;

    public abstract void OnResponseReceived(SipResponse response);

    public void OnTransportFailed()
    {
        lock (Gate)
        {
            if (!AwaitsFinalResponse(State))
            {
                return;
            }

            StopRetransmitting();
            TryTerminate();
        }

        Fail(SipTransactionFailure.TransportError);
    }

    /// <summary>Sends the request and starts the retransmission timer and the transaction timeout (RFC 3261 §17.1.1.2, §17.1.2.2).</summary>
    internal void Start()
    {
        lock (Gate)
        {
            if (TrySend(_requestBytes))
            {
                if (!Transport.IsReliable)
                {
                    _retransmitInterval = Timers.T1;
                    _retransmitTimer.Start(_retransmitInterval);
                }

                _timeoutTimer.Start(Timers.TransactionTimeout);
                return;
            }

            TryTerminate();
        }

        Fail(SipTransactionFailure.TransportError);
    }

    /// <summary>The states in which the request is retransmitted and the transaction timeout runs.</summary>
    private protected abstract bool Retransmits(TState state);

    /// <summary>The states still waiting for a final response; after it, a state absorbs retransmissions until its timer ends it.</summary>
    private protected abstract bool AwaitsFinalResponse(TState state);

    /// <summary>The interval before the next retransmission, after one of <paramref name="interval"/>.</summary>
    private protected abstract TimeSpan NextRetransmitInterval(TimeSpan interval);

    private protected void StopRetransmitting()
    {
        _retransmitTimer.Stop();
        _timeoutTimer.Stop();
    }

    /// <summary>A final response arrived: stop retransmitting, move to <paramref name="next"/> and absorb for <paramref name="absorbFor"/>.</summary>
    private protected void EnterFinalState(TState next, TimeSpan absorbFor)
    {
        StopRetransmitting();
        TryTransitionTo(next);
        _absorbTimer.Start(absorbFor);
    }

    /// <summary>Hands a response to the transaction user; never call with <see cref="SipTransaction{TState}.Gate"/> held.</summary>
    private protected void PassUp(SipResponse response) => _user.OnResponse(response);

    private void OnRetransmitTimer()
    {
        lock (Gate)
        {
            if (!Retransmits(State))
            {
                return;
            }

            SipMetrics.CountRequestRetransmitted();
            TrySend(_requestBytes);
            _retransmitInterval = NextRetransmitInterval(_retransmitInterval);
            _retransmitTimer.Start(_retransmitInterval);
        }
    }

    private void OnTimeoutTimer()
    {
        lock (Gate)
        {
            if (!Retransmits(State))
            {
                return;
            }

            _retransmitTimer.Stop();
            TryTerminate();
        }

        Fail(SipTransactionFailure.Timeout);
    }

    private void OnAbsorbTimer()
    {
        lock (Gate)
        {
            if (AwaitsFinalResponse(State) || IsTerminated)
            {
                return;
            }

            TryTerminate();
        }

        _onTerminated(this);
    }

    private void Fail(SipTransactionFailure failure)
    {
        _user.OnFailure(failure);
        _onTerminated(this);
    }
}
