using System.Net;
using System.Net.Sockets;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Transactions;

/// <summary>The non-INVITE client transaction of RFC 3261 §17.1.2 (BYE, CANCEL, OPTIONS ...).</summary>
public sealed class NonInviteClientTransaction : ISipClientTransaction, IDisposable
{
    private readonly Lock _gate = new();
    private readonly ISipTransport _transport;
    private readonly IPEndPoint _destination;
    private readonly SipTimerSettings _timers;
    private readonly ISipClientTransactionUser _user;
    private readonly Action<NonInviteClientTransaction> _onTerminated;
    private readonly byte[] _requestBytes;
    private readonly SipTransactionTimer _timerE;
    private readonly SipTransactionTimer _timerF;
    private readonly SipTransactionTimer _timerK;
    private TimeSpan _timerEInterval;

    internal NonInviteClientTransaction(
        SipRequest request,
        IPEndPoint destination,
        ISipTransport transport,
        TimeProvider timeProvider,
        SipTimerSettings timers,
        ISipClientTransactionUser user,
        Action<NonInviteClientTransaction> onTerminated)
    {
        Request = request;
        Key = SipTransactionKey.ForClient(request);
        _destination = destination;
        _transport = transport;
        _timers = timers;
        _user = user;
        _onTerminated = onTerminated;
        _requestBytes = SipMessageWriter.ToArray(request);
        _timerE = new SipTransactionTimer(timeProvider, OnTimerE);
        _timerF = new SipTransactionTimer(timeProvider, OnTimerF);
        _timerK = new SipTransactionTimer(timeProvider, OnTimerK);
    }

    public SipTransactionKey Key { get; }

    public SipRequest Request { get; }

    public IPEndPoint Destination => _destination;

    public ISipTransport Transport => _transport;

    public NonInviteClientState State { get; private set; } = NonInviteClientState.Trying;

    /// <summary>Sends the request and starts Timers E and F (RFC 3261 §17.1.2.2).</summary>
    internal void Start()
    {
        lock (_gate)
        {
            if (TrySend())
            {
                if (!_transport.IsReliable)
                {
                    _timerEInterval = _timers.T1;
                    _timerE.Start(_timerEInterval);
                }

                _timerF.Start(_timers.TransactionTimeout);
                return;
            }

            TransitionTo(NonInviteClientState.Terminated);
        }

        _user.OnFailure(SipTransactionFailure.TransportError);
        _onTerminated(this);
    }

    public void OnResponseReceived(SipResponse response)
    {
        lock (_gate)
        {
            if (State is not (NonInviteClientState.Trying or NonInviteClientState.Proceeding))
            {
                // Completed: Timer K absorbs retransmitted final responses.
                return;
            }

            if (response.IsProvisional)
            {
                if (State == NonInviteClientState.Trying)
                {
                    TransitionTo(NonInviteClientState.Proceeding);
                }
            }
            else
            {
                _timerE.Stop();
                _timerF.Stop();
                TransitionTo(NonInviteClientState.Completed);
                _timerK.Start(_transport.IsReliable ? TimeSpan.Zero : _timers.T4);
            }
        }

        _user.OnResponse(response);
    }

    public void OnTransportFailed()
    {
        lock (_gate)
        {
            if (State is not (NonInviteClientState.Trying or NonInviteClientState.Proceeding))
            {
                return;
            }

            _timerE.Stop();
            _timerF.Stop();
            TransitionTo(NonInviteClientState.Terminated);
        }

        _user.OnFailure(SipTransactionFailure.TransportError);
        _onTerminated(this);
    }

    public void Dispose()
    {
        _timerE.Dispose();
        _timerF.Dispose();
        _timerK.Dispose();
    }

    private void OnTimerE()
    {
        lock (_gate)
        {
            if (State is not (NonInviteClientState.Trying or NonInviteClientState.Proceeding))
            {
                return;
            }

            // RFC 3261 §17.1.2.2: double up to T2 while Trying; T2 once a provisional response arrived.
            TrySend();
            _timerEInterval = State == NonInviteClientState.Trying
                ? TimeSpan.FromTicks(Math.Min((_timerEInterval * 2).Ticks, _timers.T2.Ticks))
                : _timers.T2;
            _timerE.Start(_timerEInterval);
        }
    }

    private void OnTimerF()
    {
        lock (_gate)
        {
            if (State is not (NonInviteClientState.Trying or NonInviteClientState.Proceeding))
            {
                return;
            }

            _timerE.Stop();
            TransitionTo(NonInviteClientState.Terminated);
        }

        _user.OnFailure(SipTransactionFailure.Timeout);
        _onTerminated(this);
    }

    private void OnTimerK()
    {
        lock (_gate)
        {
            if (State != NonInviteClientState.Completed)
            {
                return;
            }

            TransitionTo(NonInviteClientState.Terminated);
        }

        _onTerminated(this);
    }

    private bool TrySend()
    {
        try
        {
            _transport.Send(_requestBytes, _destination);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private void TransitionTo(NonInviteClientState next)
    {
        var legal = (State, next) switch
        {
            (NonInviteClientState.Trying, NonInviteClientState.Proceeding or NonInviteClientState.Completed or NonInviteClientState.Terminated) => true,
            (NonInviteClientState.Proceeding, NonInviteClientState.Completed or NonInviteClientState.Terminated) => true,
            (NonInviteClientState.Completed, NonInviteClientState.Terminated) => true,
            _ => false,
        };
        if (!legal)
        {
            throw new InvalidOperationException($"Illegal non-INVITE client transaction transition {State} -> {next}.");
        }

        State = next;
    }
}
