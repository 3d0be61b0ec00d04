using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.Tests.Transactions;

/// <summary>
/// Each transaction's transition table is its RFC figure: every arrow of the figure, written here as (state, event,
/// state) the way the figure labels it, and nothing else.
/// </summary>
public class TransactionFigureTests
{
    [Fact]
    public void InviteClient_IsRfc3261Figure5_AsRfc6026Redraws_It()
    {
        const InviteClientState Calling = InviteClientState.Calling, Proceeding = InviteClientState.Proceeding,
            Completed = InviteClientState.Completed, Accepted = InviteClientState.Accepted, Terminated = InviteClientState.Terminated;
        (InviteClientState, string, InviteClientState)[] figure =
        [
            (Calling, "Timer A fires / reset A, INVITE sent", Calling),
            (Calling, "1xx / 1xx to TU", Proceeding),
            (Calling, "300-699 / ACK sent, resp. to TU", Completed),
            (Calling, "2xx / 2xx to TU", Accepted),
            (Calling, "Timer B fires or Transport Err. / inform TU", Terminated),
            (Proceeding, "1xx / 1xx to TU", Proceeding),
            (Proceeding, "300-699 / ACK sent, resp. to TU", Completed),
            (Proceeding, "2xx / 2xx to TU", Accepted),
            (Completed, "300-699 / ACK sent", Completed),
            (Completed, "Transport Err. / inform TU", Terminated),
            (Completed, "Timer D fires", Terminated),
            (Accepted, "2xx / 2xx to TU", Accepted),
            (Accepted, "Timer M fires", Terminated),

            // Not drawn, but RFC 3261 §17.1.4: a transport failure ends the transaction (a TCP connection lost
            // while the INVITE waits for its final response).
            (Proceeding, "transport failure / inform TU", Terminated),
        ];

        AssertTableIs(figure, InviteClientTransaction.Transitions.Edges);
    }

    [Fact]
    public void NonInviteClient_IsRfc3261Figure6()
    {
        const NonInviteClientState Trying = NonInviteClientState.Trying, Proceeding = NonInviteClientState.Proceeding,
            Completed = NonInviteClientState.Completed, Terminated = NonInviteClientState.Terminated;
        (NonInviteClientState, string, NonInviteClientState)[] figure =
        [
            (Trying, "Timer E / send request", Trying),
            (Trying, "1xx / resp. to TU", Proceeding),
            (Trying, "200-699 / resp. to TU", Completed),
            (Trying, "Timer F or Transport Err. / inform TU", Terminated),
            (Proceeding, "Timer E / send req", Proceeding),
            (Proceeding, "1xx / resp. to TU", Proceeding),
            (Proceeding, "200-699 / resp. to TU", Completed),
            (Proceeding, "Timer F or Transport Err. / inform TU", Terminated),
            (Completed, "Timer K", Terminated),
        ];

        AssertTableIs(figure, NonInviteClientTransaction.Transitions.Edges);
    }

    [Fact]
    public void InviteServer_IsRfc3261Figure7_AsRfc6026Redraws_It()
    {
        const InviteServerState Proceeding = InviteServerState.Proceeding, Completed = InviteServerState.Completed,
            Confirmed = InviteServerState.Confirmed, Accepted = InviteServerState.Accepted, Terminated = InviteServerState.Terminated;
        (InviteServerState, string, InviteServerState)[] figure =
        [
            (Proceeding, "INVITE / send response", Proceeding),
            (Proceeding, "101-199 from TU / send response", Proceeding),
            (Proceeding, "Transport Err. / inform TU", Proceeding),
            (Proceeding, "300-699 from TU / send response", Completed),
            (Proceeding, "2xx from TU / send response", Accepted),
            (Completed, "INVITE / send response", Completed),
            (Completed, "Timer G fires / send response", Completed),
            (Completed, "Transport Err. / inform TU", Completed),
            (Completed, "ACK", Confirmed),
            (Completed, "Timer H fires", Terminated),
            (Confirmed, "Timer I fires", Terminated),
            (Accepted, "INVITE", Accepted),
            (Accepted, "ACK / to TU", Accepted),
            (Accepted, "2xx from TU / send response", Accepted),
            (Accepted, "Transport Err. / inform TU", Accepted),
            (Accepted, "Timer L fires", Terminated),
        ];

        AssertTableIs(figure, InviteServerTransaction.Transitions.Edges);
    }

    [Fact]
    public void NonInviteServer_IsRfc3261Figure8()
    {
        const NonInviteServerState Trying = NonInviteServerState.Trying, Proceeding = NonInviteServerState.Proceeding,
            Completed = NonInviteServerState.Completed, Terminated = NonInviteServerState.Terminated;
        (NonInviteServerState, string, NonInviteServerState)[] figure =
        [
            (Trying, "1xx from TU / send response", Proceeding),
            (Trying, "200-699 from TU / send response", Completed),
            (Proceeding, "Request / send response", Proceeding),
            (Proceeding, "1xx from TU / send response", Proceeding),
            (Proceeding, "200-699 from TU / send response", Completed),
            (Proceeding, "Trnsprt Err / inform TU", Terminated),
            (Completed, "Request / send response", Completed),
            (Completed, "Trnsprt Err / inform TU", Terminated),
            (Completed, "Timer J fires", Terminated),
        ];

        AssertTableIs(figure, NonInviteServerTransaction.Transitions.Edges);
    }

    internal static void AssertTableIs<TState>(IEnumerable<(TState From, string Event, TState To)> figure, IReadOnlySet<(TState From, TState To)> table)
        where TState : struct, Enum =>
        Assert.Equal(figure.Select(arrow => (arrow.From, arrow.To)).Distinct().Order(), table.Order());
}
