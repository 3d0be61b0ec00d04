using System.Net;
using Switchboard.Foundation.StateMachines;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Transport;
using static Switchboard.Sip.Transactions.InviteClientState;

namespace Switchboard.Sip.Transactions;

/// <summary>The INVITE client transaction of RFC 3261 §17.1.1, with RFC 6026's Accepted state for 2xx.</summary>
public sealed class InviteClientTransaction : SipClientTransaction<InviteClientState>
{
    private byte[]? _ackBytes;

    internal InviteClientTransaction(
        SipRequest request,
        IPEndPoint destination,
        ISipTransport transport,
        SipTransactionContext context,
        ISipClientTransactionUser user,
        Action<SipClientTransaction<InviteClientState>> onTerminated)
        : base(request, (destination, transport), context, (Transitions, Calling, Terminated), user, onTerminated)
    {
    }

    /// <summary>
    /// RFC 3261 Figure 5 as RFC 6026 §8.4 redraws it (a 2xx leads to Accepted and Timer M, not straight to
    /// Terminated), with the self-edges of its retransmissions and repeated responses.
    /// </summary>
    internal static TransitionTable<InviteClientState> Transitions { get; } = TransitionTable<InviteClientState>.Declare("INVITE client transaction")
        .Allow(Calling, Calling, Proceeding, Completed, Accepted, Terminated)

        // §17.1.4: a transport failure (a stream connection lost) ends a transaction still waiting for its answer.
        .Allow(Proceeding, Proceeding, Completed, Accepted, Terminated)
        .Allow(Completed, Completed, Terminated)
        .Allow(Accepted, Accepted, Terminated)
        .Build();

    public override void OnResponseReceived(SipResponse response)
    {
        var passUp = false;
        lock (Gate)
        {
            switch (State)
            {
                case Calling or Proceeding when response.IsProvisional:
                    if (State == Calling)
                    {
                        // RFC 3261 §17.1.1.2: Timers A and B only guard the Calling state.
                        StopRetransmitting();
                        TryTransitionTo(Proceeding);
                    }

                    passUp = true;
                    break;
                case Calling or Proceeding when response.IsSuccess:
                    // RFC 6026 §7.2: keep the transaction so retransmitted 2xx still reach the TU for re-ACK (Timer M).
                    EnterFinalState(Accepted, Timers.TransactionTimeout);
                    passUp = true;
                    break;
                case Calling or Proceeding:
                    // RFC 3261 §17.1.1.2: a 300–699 response is ACKed here and Timer D absorbs its retransmissions.
                    EnterFinalState(Completed, Transport.IsReliable ? TimeSpan.Zero : Timers.InviteResponseAbsorb);
                    _ackBytes = SipMessageWriter.ToArray(NonSuccessAckFactory.Create(Request, response));
                    TrySend(_ackBytes);
                    passUp = true;
                    break;
                case Completed when !response.IsProvisional && _ackBytes is not null:
                    TrySend(_ackBytes);
                    break;
                case Accepted when response.IsSuccess:
                    passUp = true;
                    break;
            }
        }

        if (passUp)
        {
            PassUp(response);
        }
    }

    private protected override bool Retransmits(InviteClientState state) => state == Calling;

    private protected override bool AwaitsFinalResponse(InviteClientState state) => state is Calling or Proceeding;

    /// <summary>RFC 3261 §17.1.1.2: Timer A doubles on each retransmission (no T2 cap for INVITE).</summary>
    private protected override TimeSpan NextRetransmitInterval(TimeSpan interval) => interval * 2;
}
