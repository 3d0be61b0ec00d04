using Switchboard.Sip.Tests.Transactions;
using Switchboard.Sip.UserAgent;
using static Switchboard.Sip.UserAgent.SipCallState;

namespace Switchboard.Sip.Tests.UserAgent;

/// <summary>
/// The user agent's machines are the diagrams their states document (<see cref="SipCallState"/>,
/// <see cref="ReinviteClientState"/>), each arrow written here with the RFC 3261 step that takes it.
/// </summary>
public class CallStateTableTests
{
    [Fact]
    public void OutboundCall_IsTheUacDiagram()
    {
        (SipCallState, string, SipCallState)[] diagram =
        [
            (Calling, "1xx (§13.2.2.1)", Proceeding),
            (Calling, "2xx, ACKed (§13.2.2.4)", Confirmed),
            (Calling, "2xx racing a hang-up asked before any 1xx: ACK, then BYE (§9.1)", Terminating),
            (Calling, "final refusal, timeout or transport failure", Ended),
            (Proceeding, "INVITE resent with credentials (§22.2)", Calling),
            (Proceeding, "hang-up: CANCEL (§9.1)", Cancelling),
            (Proceeding, "2xx, ACKed", Confirmed),
            (Proceeding, "final refusal, timeout or transport failure", Ended),
            (Cancelling, "2xx racing the CANCEL: ACK, then BYE", Terminating),
            (Cancelling, "487, or the CANCEL failed", Ended),
            (Confirmed, "hang-up: BYE (§15.1.1)", Terminating),
            (Confirmed, "peer's BYE (§15.1.2), or 481/408 in the dialog (§12.2.1.2)", Ended),
            (Terminating, "BYE's final response or failure", Ended),
        ];

        TransactionFigureTests.AssertTableIs(diagram, OutboundCall.Transitions.Edges);
    }

    [Fact]
    public void InboundCall_IsTheUasDiagram()
    {
        (SipCallState, string, SipCallState)[] diagram =
        [
            (Received, "180/183 sent (§13.3.1.1)", Proceeding),
            (Received, "2xx sent (§13.3.1.4)", Accepted),
            (Received, "refused, CANCEL (§9.2) or the caller's BYE (§15)", Ended),
            (Proceeding, "2xx sent", Accepted),
            (Proceeding, "refused, CANCEL or the caller's BYE", Ended),
            (Accepted, "ACK (§13.3.1.4)", Confirmed),
            (Accepted, "no ACK within 64*T1, or a hang-up waiting for it: BYE (§15)", Terminating),
            (Accepted, "peer's BYE, or 481/408 in the dialog", Ended),
            (Confirmed, "hang-up: BYE (§15.1.1)", Terminating),
            (Confirmed, "peer's BYE (§15.1.2), or 481/408 in the dialog", Ended),
            (Terminating, "BYE's final response or failure", Ended),
        ];

        TransactionFigureTests.AssertTableIs(diagram, InboundCall.Transitions.Edges);
    }

    [Fact]
    public void ReferSubscription_IsRfc3515sImplicitSubscription()
    {
        (ReferSubscriptionState, string, ReferSubscriptionState)[] diagram =
        [
            (ReferSubscriptionState.Pending, "2xx to the REFER (RFC 3515 §2.4.2)", ReferSubscriptionState.Active),
            (ReferSubscriptionState.Pending, "REFER refused or failed, or a NOTIFY overtaking its 2xx ends it (RFC 6665 §4.1.2.4)", ReferSubscriptionState.Terminated),
            (ReferSubscriptionState.Active, "NOTIFY with Subscription-State: terminated (RFC 3515 §2.4.7)", ReferSubscriptionState.Terminated),
        ];

        TransactionFigureTests.AssertTableIs(diagram, ReferSubscription.Transitions.Edges);
    }

    [Fact]
    public void Reinvite_IsOneTryAndOneRetryAfterGlare()
    {
        (ReinviteClientState, string, ReinviteClientState)[] diagram =
        [
            (ReinviteClientState.Idle, "INVITE sent", ReinviteClientState.Sending),
            (ReinviteClientState.Idle, "an offer is outstanding: wait (§14.1)", ReinviteClientState.WaitingToRetry),
            (ReinviteClientState.Idle, "refused before sending (no dialog), or the call ended", ReinviteClientState.Finished),
            (ReinviteClientState.Sending, "491 (§14.1)", ReinviteClientState.WaitingToRetry),
            (ReinviteClientState.Sending, "final response, failure, or the call ended", ReinviteClientState.Finished),
            (ReinviteClientState.WaitingToRetry, "the §14.1 timer: INVITE sent again", ReinviteClientState.Sending),
            (ReinviteClientState.WaitingToRetry, "refused again, or the call ended", ReinviteClientState.Finished),
        ];

        TransactionFigureTests.AssertTableIs(diagram, ReinviteClient.Transitions.Edges);
    }
}
