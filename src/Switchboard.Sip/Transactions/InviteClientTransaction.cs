using System.Net;
using System.Net.Sockets;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Transactions;

/// <summary>The INVITE client transaction of RFC 3261 §17.1.1, with RFC 6026's Accepted state for 2xx.</summary>
public sealed class InviteClientTransaction : ISipClientTransaction, IDisposable
{
    private readonly Lock _gate = new();
    private readonly ISipTransport _transport;
    private readonly IPEndPoint _destination;
    private readonly SipTimerSettings _timers;
    private readonly ISipClientTransactionUser _user;
    private readonly Action<InviteClientTransaction> _onTerminated;
    private readonly byte[] _requestBytes;
    private readonly SipTransactionTimer _timerA;
    private readonly SipTransactionTimer _timerB;
    private readonly SipTransactionTimer _timerD;
    private TimeSpan _timerAInterval;
    private byte[]? _ackBytes;

    internal InviteClientTransaction(
        SipRequest request,
        IPEndPoint destination,
        ISipTransport transport,
        TimeProvider timeProvider,
        SipTimerSettings timers,
        ISipClientTransactionUser user,
        Action<InviteClientTransaction> onTerminated)
    {
        Request = request;
        Key = SipTransactionKey.ForClient(request);
        _destination = destination;
        _transport = transport;
        _timers = timers;
        _user = user;
        _onTerminated = onTerminated;
        _requestBytes = SipMessageWriter.ToArray(request);
        _timerA = new SipTransactionTimer(timeProvider, OnTimerA);
        _timerB = new SipTransactionTimer(timeProvider, OnTimerB);
        _timerD = new SipTransactionTimer(timeProvider, OnTimerD);
    }

    public SipTransactionKey Key { get; }

    public SipRequest Request { get; }

    public IPEndPoint Destination => _destination;

    public ISipTransport Transport => _transport;

    public InviteClientState State { get; private set; } = InviteClientState.Calling;

    /// <summary>Sends the INVITE and starts Timers A and B (RFC 3261 §17.1.1.2).</summary>
    internal void Start()
    {
        lock (_gate)
        {
            if (!TrySend(_requestBytes))
            {
                TransitionTo(InviteClientState.Terminated);
            }
            else
            {
                if (!_transport.IsReliable)
                {
                    _timerAInterval = _timers.T1;
                    _timerA.Start(_timerAInterval);
                }

                _timerB.Start(_timers.TransactionTimeout);
                return;
            }
        }

        _user.OnFailure(SipTransactionFailure.TransportError);
        _onTerminated(this);
    }

    public void OnResponseReceived(SipResponse response)
    {
        var passUp = false;
        lock (_gate)
        {
            switch (State)
            {
                case InviteClientState.Calling or InviteClientState.Proceeding when response.IsProvisional:
                    _timerA.Stop();
                    if (State == InviteClientState.Calling)
                    {
                        // RFC 3261 §17.1.1.2: Timer B only guards the Calling state.
                        _timerB.Stop();
                        TransitionTo(InviteClientState.Proceeding);
                    }

                    passUp = true;
                    break;
                case InviteClientState.Calling or InviteClientState.Proceeding when response.IsSuccess:
                    // RFC 6026 §7.2: keep the transaction so retransmitted 2xx still reach the TU for re-ACK (Timer M).
                    _timerA.Stop();
                    _timerB.Stop();
                    TransitionTo(InviteClientState.Accepted);
                    _timerD.Start(_timers.TransactionTimeout);
                    passUp = true;
                    break;
                case InviteClientState.Calling or InviteClientState.Proceeding:
                    // RFC 3261 §17.1.1.2: a 300–699 response is ACKed here and Timer D absorbs its retransmissions.
                    _timerA.Stop();
                    _timerB.Stop();
                    TransitionTo(InviteClientState.Completed);
                    _ackBytes = SipMessageWriter.ToArray(NonSuccessAckFactory.Create(Request, response));
                    TrySend(_ackBytes);
                    _timerD.Start(_transport.IsReliable ? TimeSpan.Zero : _timers.InviteResponseAbsorb);
                    passUp = true;
                    break;
                case InviteClientState.Completed when !response.IsProvisional && _ackBytes is not null:
                    TrySend(_ackBytes);
                    break;
                case InviteClientState.Accepted when response.IsSuccess:
                    passUp = true;
                    break;
            }
        }

        if (passUp)
        {
            _user.OnResponse(response);
        }
    }

    public void OnTransportFailed()
    {
        lock (_gate)
        {
            if (State is not (InviteClientState.Calling or InviteClientState.Proceeding))
            {
                return;
            }

            _timerA.Stop();
            _timerB.Stop();
            TransitionTo(InviteClientState.Terminated);
        }

        _user.OnFailure(SipTransactionFailure.TransportError);
        _onTerminated(this);
    }

    public void Dispose()
    {
        _timerA.Dispose();
        _timerB.Dispose();
        _timerD.Dispose();
    }

    private void OnTimerA()
    {
        lock (_gate)
        {
            if (State != InviteClientState.Calling)
            {
                return;
            }

            // RFC 3261 §17.1.1.2: Timer A doubles on each retransmission (no T2 cap for INVITE).
            TrySend(_requestBytes);
            _timerAInterval *= 2;
            _timerA.Start(_timerAInterval);
        }
    }

    private void OnTimerB()
    {
        lock (_gate)
        {
            if (State != InviteClientState.Calling)
            {
                return;
            }

            _timerA.Stop();
            TransitionTo(InviteClientState.Terminated);
        }

        _user.OnFailure(SipTransactionFailure.Timeout);
        _onTerminated(this);
    }

    /// <summary>Timer D (Completed, RFC 3261 §17.1.1.2) or Timer M (Accepted, RFC 6026 §7.2) ends the transaction.</summary>
    private void OnTimerD()
    {
        lock (_gate)
        {
            if (State is not (InviteClientState.Completed or InviteClientState.Accepted))
            {
                return;
            }

            TransitionTo(InviteClientState.Terminated);
        }

        _onTerminated(this);
    }

    private bool TrySend(byte[] bytes)
    {
        try
        {
            _transport.Send(bytes, _destination);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private void TransitionTo(InviteClientState next)
    {
        var legal = (State, next) switch
        {
            (InviteClientState.Calling, InviteClientState.Proceeding or InviteClientState.Completed or InviteClientState.Accepted or InviteClientState.Terminated) => true,
            (InviteClientState.Proceeding, InviteClientState.Completed or InviteClientState.Accepted or InviteClientState.Terminated) => true,
            (InviteClientState.Completed or InviteClientState.Accepted, InviteClientState.Terminated) => true,
            _ => false,
        };
        if (!legal)
        {
            throw new InvalidOperationException($"Illegal INVITE client transaction transition {State} -> {next}.");
        }

        State = next;
    }
}
