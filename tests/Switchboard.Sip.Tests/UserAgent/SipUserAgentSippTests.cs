using Switchboard.Sip.Tests.Support;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Tests.UserAgent;

/// <summary>Outbound calls against a real SIPp UAS on loopback.</summary>
public class SipUserAgentSippTests
{
    [Fact]
    public async Task PlaceCall_WhenCalleeAnswers_ReportsRingingAndAnswer_AndHangupSendsBye()
    {
        await using var sipp = await SippProcess.StartAsync("uas_answer_wait_bye.xml", CancellationToken.None);
        await using var agent = await UserAgentFixture.StartAsync();
        var observer = new RecordingObserver();

        var call = agent.PlaceCall(UserAgentFixture.Request(sipp.Target()), observer);

        var ringing = Assert.IsType<SipCallProgress>(await observer.NextAsync());
        Assert.Equal(180, ringing.StatusCode);
        var answered = await observer.NextOfTypeAsync<SipCallAnswered>();
        Assert.Contains("m=audio", answered.Sdp, StringComparison.Ordinal);
        Assert.Equal(SipCallState.Confirmed, call.State);
        Assert.NotNull(call.Dialog!.RemoteTag);

        await call.HangupAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        await call.HangupAsync(CancellationToken.None);

        Assert.Equal(SipCallState.Ended, call.State);
        Assert.Equal(0, await sipp.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(observer.TryRead(out _));
    }

    [Fact]
    public async Task PlaceCall_WhenCalleeHangsUp_ReportsHungUpAndAnswersBye200()
    {
        await using var sipp = await SippProcess.StartAsync("uas_answer_send_bye.xml", CancellationToken.None);
        await using var agent = await UserAgentFixture.StartAsync();
        var observer = new RecordingObserver();

        var call = agent.PlaceCall(UserAgentFixture.Request(sipp.Target()), observer);

        await observer.NextOfTypeAsync<SipCallAnswered>();
        Assert.IsType<SipCallHungUp>(await observer.NextAsync());
        Assert.Equal(0, await sipp.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(SipCallState.Ended, call.State);
        await call.HangupAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task PlaceCall_WhenCalleeIsBusy_ReportsBusyAndAcks()
    {
        await using var sipp = await SippProcess.StartAsync("uas_busy.xml", CancellationToken.None);
        await using var agent = await UserAgentFixture.StartAsync();
        var observer = new RecordingObserver();

        var call = agent.PlaceCall(UserAgentFixture.Request(sipp.Target()), observer);

        var rejected = Assert.IsType<SipCallRejected>(await observer.NextAsync());
        Assert.Equal(486, rejected.StatusCode);
        Assert.Equal("Busy Here", rejected.ReasonPhrase);
        Assert.Equal(0, await sipp.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(SipCallState.Ended, call.State);
    }

    [Fact]
    public async Task Hangup_WhileRinging_SendsCancel_AndReportsRequestTerminated()
    {
        await using var sipp = await SippProcess.StartAsync("uas_ring_forever.xml", CancellationToken.None);
        await using var agent = await UserAgentFixture.StartAsync();
        var observer = new RecordingObserver();

        var call = agent.PlaceCall(UserAgentFixture.Request(sipp.Target()), observer);
        Assert.Equal(180, Assert.IsType<SipCallProgress>(await observer.NextAsync()).StatusCode);

        await call.HangupAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        // SIPp answers a retransmitted INVITE (Timer A) with its 180 again, and RFC 3261 §17.1.1.2 passes every
        // provisional response up: skip those until the final one.
        var next = await observer.NextAsync();
        while (next is SipCallProgress { StatusCode: 180 })
        {
            next = await observer.NextAsync();
        }

        var rejected = Assert.IsType<SipCallRejected>(next);
        Assert.Equal(487, rejected.StatusCode);
        Assert.Equal(0, await sipp.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(observer.TryRead(out _));
    }
}
