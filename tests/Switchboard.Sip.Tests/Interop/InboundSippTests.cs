using Switchboard.Sip.Tests.Support;
using Switchboard.Sip.Tests.UserAgent;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Tests.Interop;

/// <summary>Inbound calls from a real SIPp UAC on loopback.</summary>
public class InboundSippTests
{
    const string Answer = "v=0\r\no=sb 2 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";

    [Fact]
    public async Task StockSippUac_IsAnswered_AndItsByeEndsTheCall()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        var observer = new RecordingObserver();
        var handler = new RecordingInboundHandler(call =>
        {
            call.Attach(observer);
            call.Ring();
            call.Answer(Answer);
        });
        agent.InboundCalls = handler;

        await using var sipp = await SippProcess.StartClientAsync("uac", agent.LocalEndPoint, CancellationToken.None);
        var call = await handler.NextAsync(10);

        Assert.Equal("+15550123", call.DialledNumber);
        Assert.Equal("sipp", call.FromUser);
        Assert.Contains("m=audio", call.SdpOffer, StringComparison.Ordinal);
        Assert.IsType<SipCallConfirmed>(await observer.NextAsync());
        Assert.IsType<SipCallHungUp>(await observer.NextAsync());
        Assert.Equal(0, await sipp.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(SipCallState.Ended, call.State);
        Assert.Equal(0, agent.ActiveCallCount);
    }

    [Fact]
    public async Task SippUacThatCancels_Gets200And487_AndTheEngineHearsCanceled()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        var observer = new RecordingObserver();
        var handler = new RecordingInboundHandler(call =>
        {
            call.Attach(observer);
            call.Ring();
        });
        agent.InboundCalls = handler;

        await using var sipp = await SippProcess.StartClientAsync("uac_cancel.xml", agent.LocalEndPoint, CancellationToken.None);
        var call = await handler.NextAsync(10);

        Assert.IsType<SipCallCanceled>(await observer.NextAsync());
        Assert.Equal(0, await sipp.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(call.Answer(Answer));
        Assert.False(observer.TryRead(out _));
    }

    [Fact]
    public async Task SippUac_HungUpByUs_ReceivesOurBye()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        var observer = new RecordingObserver();
        var handler = new RecordingInboundHandler(call =>
        {
            call.Attach(observer);
            call.Answer(Answer);
        });
        agent.InboundCalls = handler;

        await using var sipp = await SippProcess.StartClientAsync("uac_wait_bye.xml", agent.LocalEndPoint, CancellationToken.None);
        var call = await handler.NextAsync(10);
        Assert.IsType<SipCallConfirmed>(await observer.NextAsync());

        await call.HangupAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, await sipp.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(observer.TryRead(out _));
    }
}
