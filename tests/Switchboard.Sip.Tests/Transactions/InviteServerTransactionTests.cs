using Switchboard.Sip.Messages;
using Switchboard.Sip.Tests.Support;
using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.Tests.Transactions;

public class InviteServerTransactionTests
{
    [Fact]
    public void Success_MovesToAccepted_AbsorbsRetransmittedInvitesSilently_AndTimerLEndsItAt64T1()
    {
        var ctx = new TransactionTestContext();
        var invite = TestMessages.Request("INVITE");
        var tx = ctx.Layer.CreateInviteServerTransaction(invite, ctx.Peer);

        tx.SendResponse(TestMessages.Response(invite, 200, "OK"));
        var absorbed = ctx.Layer.TryAbsorbRequest(invite);

        Assert.True(absorbed);
        Assert.Single(ctx.Transport.Sent);
        Assert.Equal(InviteServerState.Accepted, tx.State);
        ctx.Clock.Advance(TimeSpan.FromSeconds(31.9));
        Assert.Equal(InviteServerState.Accepted, tx.State);
        ctx.Clock.Advance(TimeSpan.FromSeconds(0.2));
        Assert.Equal(InviteServerState.Terminated, tx.State);
        Assert.Equal(0, ctx.Layer.Count);
    }

    [Fact]
    public void Accepted_PassesAnAckWithTheInvitesBranchUpToTheTu_AndSendsTuRetransmissionsOf2xx()
    {
        var ctx = new TransactionTestContext();
        var invite = TestMessages.Request("INVITE");
        var tx = ctx.Layer.CreateInviteServerTransaction(invite, ctx.Peer);
        var ok = TestMessages.Response(invite, 200, "OK");
        tx.SendResponse(ok);

        var ackAbsorbed = ctx.Layer.TryAbsorbRequest(TestMessages.Request("ACK"));
        tx.SendResponse(ok);

        Assert.False(ackAbsorbed);
        Assert.Equal(2, ctx.Transport.Sent.Count);
    }

    [Fact]
    public void NonSuccessFinal_RetransmitsOnTimerGUpToT2_UntilTheAck_WhichIsAbsorbed()
    {
        var ctx = new TransactionTestContext();
        var invite = TestMessages.Request("INVITE");
        var tx = ctx.Layer.CreateInviteServerTransaction(invite, ctx.Peer);

        tx.SendResponse(TestMessages.Response(invite, 486, "Busy Here"));
        ctx.Clock.Advance(TimeSpan.FromSeconds(12));
        var ackAbsorbed = ctx.Layer.TryAbsorbRequest(TestMessages.Request("ACK"));
        ctx.Clock.Advance(TimeSpan.FromSeconds(10));

        Assert.True(ackAbsorbed);
        Assert.Equal([0, 0.5, 1.5, 3.5, 7.5, 11.5], ctx.Transport.Sent.Select(s => s.At.TotalSeconds));
        Assert.Equal(InviteServerState.Terminated, tx.State);
    }

    [Fact]
    public void NoAckForNonSuccessFinal_TimerHEndsTheTransactionAt64T1()
    {
        var ctx = new TransactionTestContext();
        var invite = TestMessages.Request("INVITE");
        var tx = ctx.Layer.CreateInviteServerTransaction(invite, ctx.Peer);

        tx.SendResponse(TestMessages.Response(invite, 480, "Temporarily Unavailable"));
        ctx.Clock.Advance(TimeSpan.FromSeconds(31.9));
        Assert.Equal(InviteServerState.Completed, tx.State);
        ctx.Clock.Advance(TimeSpan.FromSeconds(0.2));

        Assert.Equal(InviteServerState.Terminated, tx.State);
        Assert.Equal(0, ctx.Layer.Count);
    }
}
