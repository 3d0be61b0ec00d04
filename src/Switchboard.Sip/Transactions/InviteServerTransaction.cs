using System.Net;
using Switchboard.Foundation.StateMachines;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Transport;
using static Switchboard.Sip.Transactions.InviteServerState;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// The INVITE server transaction of RFC 3261 §17.2.1 as amended by RFC 6026 §7.1: a 2xx moves it to Accepted,
/// where it absorbs retransmitted INVITEs for Timer L (64*T1) so they do not reach the TU as new calls, passes
/// ACKs up, and leaves 2xx retransmission to the TU (RFC 3261 §13.3.1.4).
/// </summary>
public sealed class InviteServerTransaction : SipServerTransaction<InviteServerState>
{
    private readonly SipTransactionTimer _timerG;
    private readonly SipTransactionTimer _timerH;
    private readonly SipTransactionTimer _timerI;
    private readonly SipTransactionTimer _timerL;
    private TimeSpan _timerGInterval;

    internal InviteServerTransaction(
        SipRequest request,
        SipTransactionKey key,
        IPEndPoint responseDestination,
        ISipTransport transport,
        SipTransactionContext context,
        Action<SipServerTransaction<InviteServerState>> onTerminated)
        : base(request, key, (responseDestination, transport), context, (Transitions, Proceeding, Terminated), onTerminated)
    {
        _timerG = CreateTimer(OnTimerG);
        _timerH = CreateTimer(() => Terminate(Completed));
        _timerI = CreateTimer(() => Terminate(Confirmed));
        _timerL = CreateTimer(() => Terminate(Accepted));
    }

    /// <summary>
    /// RFC 3261 Figure 7 as RFC 6026 §8.7 redraws it (a 2xx leads to Accepted and Timer L), with its self-edges:
    /// retransmitted INVITEs, provisional responses, Timer G, and in Accepted the ACKs and the TU's 2xx.
    /// </summary>
    internal static TransitionTable<InviteServerState> Transitions { get; } = TransitionTable<InviteServerState>.Declare("INVITE server transaction")
        .Allow(Proceeding, Proceeding, Completed, Accepted)
        .Allow(Completed, Completed, Confirmed, Terminated)
        .Allow(Confirmed, Terminated)
        .Allow(Accepted, Accepted, Terminated)
        .Build();

    public void SendResponse(SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        lock (Gate)
        {
            if (State == Accepted && response.IsSuccess)
            {
                // RFC 6026 §7.1: 2xx retransmissions from the TU go straight to the transport.
                TrySend(SipMessageWriter.ToArray(response));
                return;
            }

            if (State != Proceeding)
            {
                throw new InvalidOperationException($"A response cannot be sent in state {State}.");
            }

            SendAndKeep(response);
            if (response.IsSuccess)
            {
                TryTransitionTo(Accepted);
                _timerL.Start(Timers.TransactionTimeout);
            }
            else if (!response.IsProvisional)
            {
                // RFC 3261 §17.2.1: Timer G retransmits the final response until the ACK; Timer H gives up.
                TryTransitionTo(Completed);
                if (!Transport.IsReliable)
                {
                    _timerGInterval = Timers.T1;
                    _timerG.Start(_timerGInterval);
                }

                _timerH.Start(Timers.TransactionTimeout);
            }
        }
    }

    public override bool OnRequestReceived(SipRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (Gate)
        {
            if (request.Method == SipMethod.Ack)
            {
                if (State == Completed)
                {
                    _timerG.Stop();
                    _timerH.Stop();
                    TryTransitionTo(Confirmed);
                    _timerI.Start(Transport.IsReliable ? TimeSpan.Zero : Timers.T4);
                }

                // RFC 6026 §7.1: an ACK in Accepted acknowledges the 2xx and belongs to the TU (a peer that reuses
                // the INVITE's branch for it would otherwise never confirm the dialog).
                return State != Accepted;
            }

            // RFC 6026 §7.1: retransmitted INVITEs in Accepted are absorbed silently; the TU resends the 2xx.
            if (LastResponse is not null && State is Proceeding or Completed)
            {
                RepeatLastResponse();
            }
        }

        return true;
    }

    private void OnTimerG()
    {
        lock (Gate)
        {
            if (State != Completed || LastResponse is null)
            {
                return;
            }

            RepeatLastResponse();
            _timerGInterval = TimeSpan.FromTicks(Math.Min((_timerGInterval * 2).Ticks, Timers.T2.Ticks));
            _timerG.Start(_timerGInterval);
        }
    }
}
