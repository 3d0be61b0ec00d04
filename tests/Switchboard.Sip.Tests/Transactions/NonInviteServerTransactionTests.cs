using Switchboard.Sip.Tests.Support;
using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.Tests.Transactions;

public class NonInviteServerTransactionTests
{
    [Fact]
    public void Retransmissions_AreAbsorbedByResendingLastResponse_UntilTimerJ()
    {
        var ctx = new TransactionTestContext();
        var request = TestMessages.Request("OPTIONS");
        Assert.False(ctx.Layer.TryAbsorbRequest(request));
        var tx = ctx.Layer.CreateServerTransaction(request, ctx.Peer);

        Assert.True(ctx.Layer.TryAbsorbRequest(request));
        Assert.Empty(ctx.Transport.Sent);

        tx.SendResponse(TestMessages.Response(request, 200, "OK"));
        ctx.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(ctx.Layer.TryAbsorbRequest(request));
        Assert.Equal(2, ctx.Transport.Sent.Count);
        Assert.Equal(NonInviteServerState.Completed, tx.State);

        ctx.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(NonInviteServerState.Terminated, tx.State);
        Assert.False(ctx.Layer.TryAbsorbRequest(request));
    }

    [Fact]
    public void InviteServer_FinalResponse_RetransmittedByTimerG_UntilAck()
    {
        var ctx = new TransactionTestContext();
        var invite = TestMessages.Request("INVITE");
        var tx = ctx.Layer.CreateInviteServerTransaction(invite, ctx.Peer);

        tx.SendResponse(TestMessages.Response(invite, 480, "Temporarily Unavailable"));
        ctx.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(ctx.Layer.TryAbsorbRequest(TestMessages.Request("ACK")));
        ctx.Clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal([0, 0.5, 1.5], ctx.Transport.Sent.Select(s => s.At.TotalSeconds));
        Assert.Equal(InviteServerState.Confirmed, tx.State);
        ctx.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(InviteServerState.Terminated, tx.State);
    }
}
