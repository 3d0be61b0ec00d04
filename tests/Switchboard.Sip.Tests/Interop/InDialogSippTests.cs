using Switchboard.Sip.Tests.Support;
using Switchboard.Sip.Tests.UserAgent;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Tests.Interop;

/// <summary>Re-INVITE, INFO and BYE inside dialogs with a real SIPp on loopback, for both call kinds.</summary>
public class InDialogSippTests
{
    const string Ours = "v=0\r\no=sb 2 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\n";
    const string HoldAnswer = "v=0\r\no=sb 2 3 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\na=recvonly\r\n";
    const string Hold = "v=0\r\no=sb 2 3 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\na=sendonly\r\n";

    [Fact]
    public async Task OutboundCall_CalleeHoldsSendsDtmfAndHangsUp_AllAnsweredAndReported()
    {
        await using var sipp = await SippProcess.StartAsync("uas_reinvite_info_bye.xml", CancellationToken.None);
        await using var agent = await UserAgentFixture.StartAsync();
        var observer = new RecordingObserver();

        var call = agent.PlaceCall(UserAgentFixture.Request(sipp.Target()), observer);
        call.OfferAnswerer = new FixedAnswerer(HoldAnswer);

        await observer.NextOfTypeAsync<SipCallAnswered>();
        var modified = Assert.IsType<SipCallSessionModified>(await observer.NextAsync());
        Assert.Contains("a=sendonly", modified.RemoteSdp, StringComparison.Ordinal);
        Assert.Equal(HoldAnswer, modified.LocalSdp);
        Assert.Equal(new SipCallDtmf('5', 160), await observer.NextAsync());
        Assert.IsType<SipCallHungUp>(await observer.NextAsync());
        Assert.Equal(0, await sipp.WaitForExitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task OutboundCall_OurReinvite_IsAcceptedBySipp_ThenOurByeEndsTheCall()
    {
        await using var sipp = await SippProcess.StartAsync("uas_accept_reinvite.xml", CancellationToken.None);
        await using var agent = await UserAgentFixture.StartAsync();
        var observer = new RecordingObserver();
        var call = agent.PlaceCall(UserAgentFixture.Request(sipp.Target()), observer);
        await observer.NextOfTypeAsync<SipCallAnswered>();

        var result = await call.ReinviteAsync(Hold, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        await call.HangupAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(result.IsAccepted, result.ToString());
        Assert.Contains("a=recvonly", result.Sdp, StringComparison.Ordinal);
        Assert.Equal(0, await sipp.WaitForExitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task InboundCall_CallerHoldsSendsDtmfAndHangsUp_AllAnsweredAndReported()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        var observer = new RecordingObserver();
        agent.InboundCalls = new RecordingInboundHandler(call =>
        {
            call.OfferAnswerer = new FixedAnswerer(HoldAnswer);
            call.Attach(observer);
            call.Answer(Ours);
        });

        await using var sipp = await SippProcess.StartClientAsync("uac_hold_dtmf_bye.xml", agent.LocalEndPoint, CancellationToken.None);

        Assert.IsType<SipCallConfirmed>(await observer.NextAsync());
        Assert.Contains("a=sendonly", Assert.IsType<SipCallSessionModified>(await observer.NextAsync()).RemoteSdp, StringComparison.Ordinal);
        Assert.Equal(new SipCallDtmf('#', 200), await observer.NextAsync());
        Assert.IsType<SipCallHungUp>(await observer.NextAsync());
        Assert.Equal(0, await sipp.WaitForExitAsync(TimeSpan.FromSeconds(10)));
    }
}
