using Switchboard.Sip.Auth;
using Switchboard.Sip.Tests.Support;
using Switchboard.Sip.Tests.UserAgent;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Tests.Interop;

/// <summary>Digest authentication against SIPp as a challenging UAS, which checks the credentials itself (verifyauth).</summary>
public class AuthenticationSippTests
{
    [Fact]
    public async Task ProxyThenCalleeChallenges_AreAnsweredWithCredentialsSippAccepts()
    {
        await using var sipp = await SippProcess.StartAsync("uas_digest_auth.xml", CancellationToken.None);
        await using var agent = await UserAgentFixture.StartAsync();
        var observer = new RecordingObserver();
        var request = UserAgentFixture.Request(sipp.Target()) with { Credentials = new SipCredentials("alice", "wonderland") };

        var call = agent.PlaceCall(request, observer);

        Assert.IsType<SipCallAnswered>(await observer.NextAsync());
        await call.HangupAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, await sipp.WaitForExitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Challenges_AnsweredWithTheWrongPassword_AreRefusedBySipp()
    {
        await using var sipp = await SippProcess.StartAsync("uas_digest_auth.xml", CancellationToken.None);
        await using var agent = await UserAgentFixture.StartAsync();
        var observer = new RecordingObserver();
        var request = UserAgentFixture.Request(sipp.Target()) with { Credentials = new SipCredentials("alice", "looking-glass") };

        agent.PlaceCall(request, observer);

        Assert.Equal(403, Assert.IsType<SipCallRejected>(await observer.NextAsync()).StatusCode);
        Assert.NotEqual(0, await sipp.WaitForExitAsync(TimeSpan.FromSeconds(10)));
    }
}
