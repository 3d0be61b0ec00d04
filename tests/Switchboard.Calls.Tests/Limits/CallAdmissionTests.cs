using Switchboard.Calls.Limits;
using Switchboard.Testing;

namespace Switchboard.Calls.Tests.Limits;

public sealed class CallAdmissionTests
{
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public void CallsPerSecond_AllowsOneSecondsBurst_ThenRefusesUntilATokenReturns()
    {
        var admission = new CallAdmission(new CallLimits { CallsPerSecondPerAccount = 2 }, _time);

        Assert.True(admission.TryAdmit("a").IsAdmitted);
        Assert.True(admission.TryAdmit("a").IsAdmitted);
        var refused = admission.TryAdmit("a");

        Assert.Equal(AdmissionRefusal.CallRate, refused.Refusal);
        Assert.True(refused.IsAccountLimit);
        Assert.Equal(TimeSpan.FromMilliseconds(500), refused.RetryAfter);
        _time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(admission.TryAdmit("a").IsAdmitted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(admission.TryAdmit("a").IsAdmitted);
    }

    [Fact]
    public void Accounts_HaveTheirOwnBuckets()
    {
        var admission = new CallAdmission(new CallLimits { CallsPerSecondPerAccount = 1 }, _time);

        Assert.True(admission.TryAdmit("a").IsAdmitted);
        Assert.False(admission.TryAdmit("a").IsAdmitted);
        Assert.True(admission.TryAdmit("b").IsAdmitted);
    }

    [Fact]
    public void ConcurrentCalls_AreCappedPerAccount_AndFreedOnRelease()
    {
        var admission = new CallAdmission(new CallLimits { CallsPerSecondPerAccount = 100, ConcurrentCallsPerAccount = 2 }, _time);
        admission.TryAdmit("a");
        admission.TryAdmit("a");

        Assert.Equal(AdmissionRefusal.AccountConcurrency, admission.TryAdmit("a").Refusal);
        admission.Release("a");
        Assert.True(admission.TryAdmit("a").IsAdmitted);
        Assert.Equal(2, admission.LiveCount);
    }

    [Fact]
    public void TheServerCeiling_CountsEveryAccount_AndIsNotTheAccountsFault()
    {
        var admission = new CallAdmission(new CallLimits { MaxLiveCalls = 2 }, _time);
        admission.TryAdmit("a");
        admission.TryAdmit("b");

        var refused = admission.TryAdmit("c");

        Assert.Equal(AdmissionRefusal.ServerFull, refused.Refusal);
        Assert.False(refused.IsAccountLimit);
    }

    [Fact]
    public void AfterShutdownBegins_NothingIsAdmitted_ButLiveCallsStillRelease()
    {
        var admission = new CallAdmission(CallLimits.Default, _time);
        admission.TryAdmit("a");

        admission.StopAdmitting();

        Assert.Equal(AdmissionRefusal.ShuttingDown, admission.TryAdmit("b").Refusal);
        Assert.False(admission.TryAdmit("b", out var retryAfter));
        Assert.True(retryAfter > TimeSpan.Zero);
        admission.Release("a");
        Assert.Equal(0, admission.LiveCount);
    }

    [Fact]
    public void ReleasingMoreThanWasAdmitted_DoesNotGoNegative()
    {
        var admission = new CallAdmission(CallLimits.Default, _time);

        admission.Release("a");

        Assert.Equal(0, admission.LiveCount);
    }
}
