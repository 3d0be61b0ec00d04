using System.Net;
using Switchboard.Foundation.StateMachines;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transport;
using static Switchboard.Sip.Transactions.NonInviteServerState;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// The non-INVITE server transaction of RFC 3261 §17.2.2: absorbs retransmitted requests by resending the last
/// response, and stays Completed for Timer J so late retransmissions are still answered.
/// </summary>
public sealed class NonInviteServerTransaction : SipServerTransaction<NonInviteServerState>
{
    private readonly SipTransactionTimer _timerJ;

    internal NonInviteServerTransaction(
        SipRequest request,
        SipTransactionKey key,
        IPEndPoint responseDestination,
        ISipTransport transport,
        SipTransactionContext context,
        Action<SipServerTransaction<NonInviteServerState>> onTerminated)
        : base(request, key, (responseDestination, transport), context, (Transitions, Trying, Terminated), onTerminated) =>
        _timerJ = CreateTimer(() => Terminate(Completed));

    /// <summary>
    /// RFC 3261 Figure 8, with its self-edges (retransmitted requests and provisional responses) and the transport
    /// errors that end Proceeding and Completed.
    /// </summary>
    internal static TransitionTable<NonInviteServerState> Transitions { get; } = TransitionTable<NonInviteServerState>.Declare("non-INVITE server transaction")
        .Allow(Trying, Proceeding, Completed)
        .Allow(Proceeding, Proceeding, Completed, Terminated)
        .Allow(Completed, Completed, Terminated)
        .Build();

    /// <summary>Sends a response from the TU; a final one moves to Completed and starts Timer J.</summary>
    public void SendResponse(SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        lock (Gate)
        {
            if (State is not (Trying or Proceeding))
            {
                throw new InvalidOperationException($"A response cannot be sent in state {State}.");
            }

            SendAndKeep(response);
            if (response.IsProvisional)
            {
                if (State == Trying)
                {
                    TryTransitionTo(Proceeding);
                }

                return;
            }

            TryTransitionTo(Completed);
            _timerJ.Start(Transport.IsReliable ? TimeSpan.Zero : Timers.TransactionTimeout);
        }
    }

    public override bool OnRequestReceived(SipRequest request)
    {
        lock (Gate)
        {
            // RFC 3261 §17.2.2: retransmissions in Trying are discarded; later ones get the last response again.
            if (State is Proceeding or Completed && LastResponse is not null)
            {
                RepeatLastResponse();
            }
        }

        return true;
    }
}
