using Switchboard.Sip.Tests.Support;
using Switchboard.Sip.Tests.UserAgent;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Tests.Interop;

/// <summary>Calls over TCP with SIPp in single-connection mode (<c>-t t1</c>), both directions.</summary>
public class TcpSippTests
{
    const string Answer = "v=0\r\no=sb 2 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\n";

    [Fact]
    public async Task OutboundCall_ToSippOverTcp_IsAnswered_AndOurByeEndsIt()
    {
        await using var sipp = await SippProcess.StartAsync("uas_answer_wait_bye.xml", CancellationToken.None, tcp: true);
        await using var agent = await UserAgentFixture.StartAsync();
        var observer = new RecordingObserver();

        var call = agent.PlaceCall(UserAgentFixture.Request(sipp.Target()), observer);
        await observer.NextOfTypeAsync<SipCallAnswered>();
        Assert.Equal(1, agent.TcpConnectionCount);
        await call.HangupAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, await sipp.WaitForExitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task OutboundCall_ToSippOverTcp_WhoHangsUp_IsReportedHungUp()
    {
        await using var sipp = await SippProcess.StartAsync("uas_answer_send_bye.xml", CancellationToken.None, tcp: true);
        await using var agent = await UserAgentFixture.StartAsync();
        var observer = new RecordingObserver();

        agent.PlaceCall(UserAgentFixture.Request(sipp.Target()), observer);

        await observer.NextOfTypeAsync<SipCallAnswered>();
        Assert.IsType<SipCallHungUp>(await observer.NextAsync());
        Assert.Equal(0, await sipp.WaitForExitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task StockSippUacOverTcp_IsAnswered_AndItsByeEndsTheCall()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        var observer = new RecordingObserver();
        agent.InboundCalls = new RecordingInboundHandler(call =>
        {
            call.Attach(observer);
            call.Answer(Answer);
        });

        await using var sipp = await SippProcess.StartClientAsync("uac", agent.LocalEndPoint, CancellationToken.None, tcp: true);

        Assert.IsType<SipCallConfirmed>(await observer.NextAsync());
        Assert.IsType<SipCallHungUp>(await observer.NextAsync());
        Assert.Equal(0, await sipp.WaitForExitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task SippUacOverTcp_HungUpByUs_ReceivesOurBye()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        var observer = new RecordingObserver();
        var handler = new RecordingInboundHandler(call =>
        {
            call.Attach(observer);
            call.Answer(Answer);
        });
        agent.InboundCalls = handler;

        await using var sipp = await SippProcess.StartClientAsync("uac_wait_bye.xml", agent.LocalEndPoint, CancellationToken.None, tcp: true);
        var call = await handler.NextAsync(10);
        Assert.IsType<SipCallConfirmed>(await observer.NextAsync());
        await call.HangupAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, await sipp.WaitForExitAsync(TimeSpan.FromSeconds(10)));
    }
}
