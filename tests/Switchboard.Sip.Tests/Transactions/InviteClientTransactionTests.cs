using Switchboard.Sip.Messages;
using Switchboard.Sip.Tests.Support;
using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.Tests.Transactions;

public class InviteClientTransactionTests
{
    [Fact]
    public void NoResponse_RetransmitsWithTimerADoubling_ThenTimerBReportsTimeoutAt32s()
    {
        var ctx = new TransactionTestContext();
        var tx = ctx.Layer.SendInvite(TestMessages.Request("INVITE"), ctx.Peer, ctx.User);

        ctx.Clock.Advance(TimeSpan.FromSeconds(31.9));
        Assert.Empty(ctx.User.Failures);
        ctx.Clock.Advance(TimeSpan.FromSeconds(0.2));

        Assert.Equal([0, 0.5, 1.5, 3.5, 7.5, 15.5, 31.5], ctx.SendTimes("INVITE"));
        Assert.Equal([SipTransactionFailure.Timeout], ctx.User.Failures);
        Assert.Equal(InviteClientState.Terminated, tx.State);
        Assert.Equal(0, ctx.Layer.Count);
    }

    [Fact]
    public void Provisional_StopsRetransmissionsAndTimerB()
    {
        var ctx = new TransactionTestContext();
        var invite = TestMessages.Request("INVITE");
        var tx = ctx.Layer.SendInvite(invite, ctx.Peer, ctx.User);

        ctx.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(ctx.Layer.TryHandleResponse(TestMessages.Response(invite, 180, "Ringing")));
        ctx.Clock.Advance(TimeSpan.FromSeconds(120));

        Assert.Equal([0, 0.5], ctx.SendTimes("INVITE"));
        Assert.Empty(ctx.User.Failures);
        Assert.Equal(InviteClientState.Proceeding, tx.State);
        Assert.Equal(180, Assert.Single(ctx.User.Responses).StatusCode);
    }

    [Fact]
    public void NonSuccessFinal_IsAckedOnce_RetransmissionsReAckedNotPassedUp_TimerDEndsAt32s()
    {
        var ctx = new TransactionTestContext();
        var invite = TestMessages.Request("INVITE");
        var tx = ctx.Layer.SendInvite(invite, ctx.Peer, ctx.User);
        var busy = TestMessages.Response(invite, 486, "Busy Here");

        ctx.Layer.TryHandleResponse(busy);
        ctx.Clock.Advance(TimeSpan.FromSeconds(2));
        ctx.Layer.TryHandleResponse(busy);

        Assert.Equal(486, Assert.Single(ctx.User.Responses).StatusCode);
        Assert.Equal([0, 2], ctx.SendTimes("ACK"));
        var ack = (SipRequest)ctx.Transport.Sent.First(s => s.Message is SipRequest { Method.Name: "ACK" }).Message;
        Assert.Equal("z9hG4bKtest1", ack.TopVia!.Branch);
        Assert.Equal("tt", ack.To!.Tag);
        Assert.Equal(new SipCSeq(1, SipMethod.Ack), ack.CSeq);
        Assert.Equal(InviteClientState.Completed, tx.State);

        ctx.Clock.Advance(TimeSpan.FromSeconds(29.9));
        Assert.Equal(InviteClientState.Completed, tx.State);
        ctx.Clock.Advance(TimeSpan.FromSeconds(0.2));
        Assert.Equal(InviteClientState.Terminated, tx.State);
        Assert.False(ctx.Layer.TryHandleResponse(busy));
    }

    [Fact]
    public void Success_MovesToAccepted_PassesRetransmitted2xxUp_ForDialogReAck()
    {
        var ctx = new TransactionTestContext();
        var invite = TestMessages.Request("INVITE");
        var tx = ctx.Layer.SendInvite(invite, ctx.Peer, ctx.User);
        var ok = TestMessages.Response(invite, 200, "OK");

        ctx.Layer.TryHandleResponse(ok);
        ctx.Layer.TryHandleResponse(ok);

        Assert.Equal(2, ctx.User.Responses.Count);
        Assert.Empty(ctx.SendTimes("ACK"));
        Assert.Equal(InviteClientState.Accepted, tx.State);
        ctx.Clock.Advance(TimeSpan.FromSeconds(32));
        Assert.Equal(InviteClientState.Terminated, tx.State);
    }

    [Fact]
    public void SendFailure_ReportsTransportError()
    {
        var ctx = new TransactionTestContext();
        ctx.Transport.FailSends = true;

        var tx = ctx.Layer.SendInvite(TestMessages.Request("INVITE"), ctx.Peer, ctx.User);

        Assert.Equal([SipTransactionFailure.TransportError], ctx.User.Failures);
        Assert.Equal(InviteClientState.Terminated, tx.State);
        Assert.Equal(0, ctx.Layer.Count);
    }
}
