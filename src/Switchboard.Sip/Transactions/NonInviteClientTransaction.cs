using System.Net;
using Switchboard.Foundation.StateMachines;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transport;
using static Switchboard.Sip.Transactions.NonInviteClientState;

namespace Switchboard.Sip.Transactions;

/// <summary>The non-INVITE client transaction of RFC 3261 §17.1.2 (BYE, CANCEL, OPTIONS ...).</summary>
public sealed class NonInviteClientTransaction : SipClientTransaction<NonInviteClientState>
{
    internal NonInviteClientTransaction(
        SipRequest request,
        IPEndPoint destination,
        ISipTransport transport,
        SipTransactionContext context,
        ISipClientTransactionUser user,
        Action<SipClientTransaction<NonInviteClientState>> onTerminated)
        : base(request, (destination, transport), context, (Transitions, Trying, Terminated), user, onTerminated)
    {
    }

    /// <summary>RFC 3261 Figure 6, with the self-edges of Timer E and of repeated provisional responses.</summary>
    internal static TransitionTable<NonInviteClientState> Transitions { get; } = TransitionTable<NonInviteClientState>.Declare("non-INVITE client transaction")
        .Allow(Trying, Trying, Proceeding, Completed, Terminated)
        .Allow(Proceeding, Proceeding, Completed, Terminated)
        .Allow(Completed, Terminated)
        .Build();

    public override void OnResponseReceived(SipResponse response)
    {
        lock (Gate)
        {
            if (State is not (Trying or Proceeding))
            {
                // Completed: Timer K absorbs retransmitted final responses.
                return;
            }

            if (!response.IsProvisional)
            {
                EnterFinalState(Completed, Transport.IsReliable ? TimeSpan.Zero : Timers.T4);
            }
            else if (State == Trying)
            {
                TryTransitionTo(Proceeding);
            }
        }

        PassUp(response);
    }

    private protected override bool Retransmits(NonInviteClientState state) => state is Trying or Proceeding;

    private protected override bool AwaitsFinalResponse(NonInviteClientState state) => state is Trying or Proceeding;

    /// <summary>RFC 3261 §17.1.2.2: double up to T2 while Trying; T2 once a provisional response arrived.</summary>
    private protected override TimeSpan NextRetransmitInterval(TimeSpan interval) => State == Trying
        ? TimeSpan.FromTicks(Math.Min((interval * 2).Ticks, Timers.T2.Ticks))
        : Timers.T2;
}
