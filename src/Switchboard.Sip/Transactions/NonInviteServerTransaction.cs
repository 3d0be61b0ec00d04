using System.Net;
using System.Net.Sockets;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// The non-INVITE server transaction of RFC 3261 §17.2.2: absorbs retransmitted requests by resending the last
/// response, and stays Completed for Timer J so late retransmissions are still answered.
/// </summary>
public sealed class NonInviteServerTransaction : ISipServerTransaction, IDisposable
{
    private readonly Lock _gate = new();
    private readonly ISipTransport _transport;
    private readonly IPEndPoint _responseDestination;
    private readonly SipTimerSettings _timers;
    private readonly Action<NonInviteServerTransaction> _onTerminated;
    private readonly SipTransactionTimer _timerJ;
    private byte[]? _lastResponse;

    internal NonInviteServerTransaction(
        SipRequest request,
        SipTransactionKey key,
        IPEndPoint responseDestination,
        ISipTransport transport,
        TimeProvider timeProvider,
        SipTimerSettings timers,
        Action<NonInviteServerTransaction> onTerminated)
    {
        Request = request;
        Key = key;
        _responseDestination = responseDestination;
        _transport = transport;
        _timers = timers;
        _onTerminated = onTerminated;
        _timerJ = new SipTransactionTimer(timeProvider, OnTimerJ);
    }

    public SipTransactionKey Key { get; }

    public SipRequest Request { get; }

    public NonInviteServerState State { get; private set; } = NonInviteServerState.Trying;

    /// <summary>Sends a response from the TU; a final one moves to Completed and starts Timer J.</summary>
    public void SendResponse(SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        lock (_gate)
        {
            if (State is not (NonInviteServerState.Trying or NonInviteServerState.Proceeding))
            {
                throw new InvalidOperationException($"A response cannot be sent in state {State}.");
            }

            _lastResponse = SipMessageWriter.ToArray(response);
            TrySend(_lastResponse);
            if (response.IsProvisional)
            {
                if (State == NonInviteServerState.Trying)
                {
                    TransitionTo(NonInviteServerState.Proceeding);
                }

                return;
            }

            TransitionTo(NonInviteServerState.Completed);
            _timerJ.Start(_transport.IsReliable ? TimeSpan.Zero : _timers.TransactionTimeout);
        }
    }

    public bool OnRequestReceived(SipRequest request)
    {
        lock (_gate)
        {
            // RFC 3261 §17.2.2: retransmissions in Trying are discarded; later ones get the last response again.
            if (State is NonInviteServerState.Proceeding or NonInviteServerState.Completed && _lastResponse is not null)
            {
                TrySend(_lastResponse);
            }
        }

        return true;
    }

    public void Dispose() => _timerJ.Dispose();

    private void OnTimerJ()
    {
        lock (_gate)
        {
            if (State != NonInviteServerState.Completed)
            {
                return;
            }

            TransitionTo(NonInviteServerState.Terminated);
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
            // RFC 3261 §17.2.4 would report this to the TU; a lost response is retried when the request is.
        }
    }

    private void TransitionTo(NonInviteServerState next)
    {
        var legal = (State, next) switch
        {
            (NonInviteServerState.Trying, NonInviteServerState.Proceeding or NonInviteServerState.Completed) => true,
            (NonInviteServerState.Proceeding, NonInviteServerState.Completed) => true,
            (NonInviteServerState.Completed, NonInviteServerState.Terminated) => true,
            _ => false,
        };
        if (!legal)
        {
            throw new InvalidOperationException($"Illegal non-INVITE server transaction transition {State} -> {next}.");
        }

        State = next;
    }
}
