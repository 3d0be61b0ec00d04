using System.Net;
using System.Net.Sockets;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// The INVITE server transaction of RFC 3261 §17.2.1 as amended by RFC 6026 §7.1: a 2xx moves it to Accepted,
/// where it absorbs retransmitted INVITEs for Timer L (64*T1) so they do not reach the TU as new calls, passes
/// ACKs up, and leaves 2xx retransmission to the TU (RFC 3261 §13.3.1.4).
/// </summary>
public sealed class InviteServerTransaction : ISipServerTransaction, IDisposable
{
    private readonly Lock _gate = new();
    private readonly ISipTransport _transport;
    private readonly IPEndPoint _responseDestination;
    private readonly SipTimerSettings _timers;
    private readonly Action<InviteServerTransaction> _onTerminated;
    private readonly SipTransactionTimer _timerG;
    private readonly SipTransactionTimer _timerH;
    private readonly SipTransactionTimer _timerI;
    private readonly SipTransactionTimer _timerL;
    private TimeSpan _timerGInterval;
    private byte[]? _lastResponse;

    internal InviteServerTransaction(
        SipRequest request,
        SipTransactionKey key,
        IPEndPoint responseDestination,
        ISipTransport transport,
        TimeProvider timeProvider,
        SipTimerSettings timers,
        Action<InviteServerTransaction> onTerminated)
    {
        Request = request;
        Key = key;
        _responseDestination = responseDestination;
        _transport = transport;
        _timers = timers;
        _onTerminated = onTerminated;
        _timerG = new SipTransactionTimer(timeProvider, OnTimerG);
        _timerH = new SipTransactionTimer(timeProvider, () => Terminate(InviteServerState.Completed));
        _timerI = new SipTransactionTimer(timeProvider, () => Terminate(InviteServerState.Confirmed));
        _timerL = new SipTransactionTimer(timeProvider, () => Terminate(InviteServerState.Accepted));
    }

    public SipTransactionKey Key { get; }

    public SipRequest Request { get; }

    public InviteServerState State { get; private set; } = InviteServerState.Proceeding;

    public void SendResponse(SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        lock (_gate)
        {
            if (State == InviteServerState.Accepted && response.IsSuccess)
            {
                // RFC 6026 §7.1: 2xx retransmissions from the TU go straight to the transport.
                TrySend(SipMessageWriter.ToArray(response));
                return;
            }

            if (State != InviteServerState.Proceeding)
            {
                throw new InvalidOperationException($"A response cannot be sent in state {State}.");
            }

            _lastResponse = SipMessageWriter.ToArray(response);
            TrySend(_lastResponse);
            if (response.IsSuccess)
            {
                TransitionTo(InviteServerState.Accepted);
                _timerL.Start(_timers.TransactionTimeout);
            }
            else if (!response.IsProvisional)
            {
                // RFC 3261 §17.2.1: Timer G retransmits the final response until the ACK; Timer H gives up.
                TransitionTo(InviteServerState.Completed);
                if (!_transport.IsReliable)
                {
                    _timerGInterval = _timers.T1;
                    _timerG.Start(_timerGInterval);
                }

                _timerH.Start(_timers.TransactionTimeout);
            }
        }
    }

    public bool OnRequestReceived(SipRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            if (request.Method == SipMethod.Ack)
            {
                if (State == InviteServerState.Completed)
                {
                    _timerG.Stop();
                    _timerH.Stop();
                    TransitionTo(InviteServerState.Confirmed);
                    _timerI.Start(_transport.IsReliable ? TimeSpan.Zero : _timers.T4);
                }

                // RFC 6026 §7.1: an ACK in Accepted acknowledges the 2xx and belongs to the TU (a peer that reuses
                // the INVITE's branch for it would otherwise never confirm the dialog).
                return State != InviteServerState.Accepted;
            }

            // RFC 6026 §7.1: retransmitted INVITEs in Accepted are absorbed silently; the TU resends the 2xx.
            if (_lastResponse is not null && State is InviteServerState.Proceeding or InviteServerState.Completed)
            {
                TrySend(_lastResponse);
            }
        }

        return true;
    }

    public void Dispose()
    {
        _timerG.Dispose();
        _timerH.Dispose();
        _timerI.Dispose();
        _timerL.Dispose();
    }

    private void OnTimerG()
    {
        lock (_gate)
        {
            if (State != InviteServerState.Completed || _lastResponse is null)
            {
                return;
            }

            TrySend(_lastResponse);
            _timerGInterval = TimeSpan.FromTicks(Math.Min((_timerGInterval * 2).Ticks, _timers.T2.Ticks));
            _timerG.Start(_timerGInterval);
        }
    }

    private void Terminate(InviteServerState expected)
    {
        lock (_gate)
        {
            if (State != expected)
            {
                return;
            }

            _timerG.Stop();
            TransitionTo(InviteServerState.Terminated);
        }

        _onTerminated(this);
    }

    private void TrySend(byte[] bytes)
    {
        try
        {
            _transport.Send(bytes, _responseDestination);
        }
        catch (SocketException)
        {
            // A lost final response is retransmitted by Timer G or when the INVITE is.
        }
    }

    private void TransitionTo(InviteServerState next)
    {
        var legal = (State, next) switch
        {
            (InviteServerState.Proceeding, InviteServerState.Completed or InviteServerState.Accepted) => true,
            (InviteServerState.Completed, InviteServerState.Confirmed or InviteServerState.Terminated) => true,
            (InviteServerState.Confirmed or InviteServerState.Accepted, InviteServerState.Terminated) => true,
            _ => false,
        };
        if (!legal)
        {
            throw new InvalidOperationException($"Illegal INVITE server transaction transition {State} -> {next}.");
        }

        State = next;
    }
}
