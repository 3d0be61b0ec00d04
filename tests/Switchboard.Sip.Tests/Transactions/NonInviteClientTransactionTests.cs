using Switchboard.Sip.Tests.Support;
using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.Tests.Transactions;

public class NonInviteClientTransactionTests
{
    [Fact]
    public void NoResponse_TimerEDoublesUpToT2_ThenTimerFTimesOutAt32s()
    {
        var ctx = new TransactionTestContext();
        var tx = ctx.Layer.SendRequest(TestMessages.Request("BYE"), ctx.Peer, ctx.User);

        ctx.Clock.Advance(TimeSpan.FromSeconds(31.99));
        Assert.Empty(ctx.User.Failures);
        ctx.Clock.Advance(TimeSpan.FromSeconds(0.01));

        Assert.Equal([0, 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5], ctx.SendTimes("BYE"));
        Assert.Equal([SipTransactionFailure.Timeout], ctx.User.Failures);
        Assert.Equal(NonInviteClientState.Terminated, tx.State);
    }

    [Fact]
    public void Provisional_SwitchesTimerEToT2()
    {
        var ctx = new TransactionTestContext();
        var request = TestMessages.Request("BYE");
        ctx.Layer.SendRequest(request, ctx.Peer, ctx.User);

        ctx.Clock.Advance(TimeSpan.FromSeconds(0.6));
        ctx.Layer.TryHandleResponse(TestMessages.Response(request, 100, "Trying"));
        ctx.Clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal([0, 0.5, 1.5, 5.5, 9.5], ctx.SendTimes("BYE"));
    }

    [Fact]
    public void Final_PassedUpOnce_TimerKEndsAfterT4()
    {
        var ctx = new TransactionTestContext();
        var request = TestMessages.Request("BYE");
        var tx = ctx.Layer.SendRequest(request, ctx.Peer, ctx.User);
        var ok = TestMessages.Response(request, 200, "OK");

        ctx.Layer.TryHandleResponse(ok);
        ctx.Layer.TryHandleResponse(ok);
        ctx.Clock.Advance(TimeSpan.FromSeconds(4.9));
        Assert.Equal(NonInviteClientState.Completed, tx.State);
        ctx.Clock.Advance(TimeSpan.FromSeconds(0.1));

        Assert.Single(ctx.User.Responses);
        Assert.Equal(NonInviteClientState.Terminated, tx.State);
        Assert.Equal([0], ctx.SendTimes("BYE"));
    }
}
