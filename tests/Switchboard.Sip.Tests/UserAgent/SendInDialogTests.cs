using Switchboard.Sip.Messages;
using Switchboard.Sip.Tests.Support;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Tests.UserAgent;

/// <summary>An application's requests we send inside a dialog (RFC 3261 §12.2.1.1; RFC 6086 INFO, RFC 3428 MESSAGE).</summary>
public class SendInDialogTests
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Info_CarriesTheDialogsIdentity_TheHeadersAndTheBody_AndCompletesWithTheAnswer()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var (call, caller, _) = await InDialogRequestTests.ConfirmedInboundAsync(agent, peer);

        var sending = call.SendRequestAsync(
            new SipInDialogRequest(SipMethod.Info) { Headers = [new("X-Metadata", "order 42")], ContentType = "application/json", Body = "{\"order\":42}" },
            CancellationToken.None);
        var info = await peer.ReceiveRequestAsync("INFO");
        peer.Respond(info, 200, "OK", agent.LocalEndPoint, toTag: null);

        Assert.Equal(new SipInDialogResult(200, "OK", null), await sending.WaitAsync(Patience));
        Assert.Equal(caller.CallId, info.CallId);
        Assert.Equal("caller1", info.To!.Tag);
        Assert.Equal(call.Dialog!.LocalTag, info.From!.Tag);
        Assert.Equal($"sip:alice@127.0.0.1:{peer.Port}", info.RequestUri.ToString());
        Assert.Equal("order 42", info.GetHeader("X-Metadata"));
        Assert.Equal("application/json", info.ContentType);
        Assert.Equal("{\"order\":42}", info.BodyAsString());
    }

    [Fact]
    public async Task Message_WithABodyButNoType_IsPlainText_AndEachRequestTakesTheNextSequence()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var (call, _, _) = await InDialogRequestTests.ConfirmedInboundAsync(agent, peer);

        var first = call.SendRequestAsync(new SipInDialogRequest(SipMethod.Message) { Body = "hello" }, CancellationToken.None);
        var message = await peer.ReceiveRequestAsync("MESSAGE");
        peer.Respond(message, 202, "Accepted", agent.LocalEndPoint, toTag: null);
        await first.WaitAsync(Patience);
        var second = call.SendRequestAsync(new SipInDialogRequest(SipMethod.Info), CancellationToken.None);
        var info = await peer.ReceiveRequestAsync("INFO");
        peer.Respond(info, 200, "OK", agent.LocalEndPoint, toTag: null);
        await second.WaitAsync(Patience);

        Assert.Equal("text/plain", message.ContentType);
        Assert.Equal("hello", message.BodyAsString());
        Assert.Equal(message.CSeq!.Value.Number + 1, info.CSeq!.Value.Number);
        Assert.True(info.Body.IsEmpty);
        Assert.Null(info.ContentType);
    }

    [Fact]
    public async Task Request_RefusedByThePeer_CompletesWithItsStatus_AndTheCallGoesOn()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var (call, _, observer) = await InDialogRequestTests.ConfirmedInboundAsync(agent, peer);

        var sending = call.SendRequestAsync(new SipInDialogRequest(SipMethod.Notify), CancellationToken.None);
        peer.Respond(await peer.ReceiveRequestAsync("NOTIFY"), 489, "Bad Event", agent.LocalEndPoint, toTag: null);

        var result = await sending.WaitAsync(Patience);
        Assert.Equal(489, result.StatusCode);
        Assert.True(result.IsAnswered);
        Assert.False(result.IsSuccess);
        Assert.Equal(SipCallState.Confirmed, call.State);
        Assert.False(observer.TryRead(out _));
    }

    [Fact]
    public async Task Request_Answered481_EndsTheCall_TheDialogIsGone()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var (call, _, observer) = await InDialogRequestTests.ConfirmedInboundAsync(agent, peer);

        var sending = call.SendRequestAsync(new SipInDialogRequest(SipMethod.Info), CancellationToken.None);
        peer.Respond(await peer.ReceiveRequestAsync("INFO"), 481, "Call/Transaction Does Not Exist", agent.LocalEndPoint, toTag: null);

        Assert.Equal(481, (await sending.WaitAsync(Patience)).StatusCode);
        Assert.Equal(new SipCallDialogFailed(481, "Call/Transaction Does Not Exist"), await observer.NextAsync());
        Assert.Equal(SipCallState.Ended, call.State);
    }

    [Fact]
    public async Task Request_NeverAnswered_Is408WithAnError_AndEndsTheCall()
    {
        var clock = new ManualTimeProvider();
        await using var agent = await UserAgentFixture.StartAsync(clock);
        using var peer = new UdpPeer();
        var (call, _, observer) = await InDialogRequestTests.ConfirmedInboundAsync(agent, peer);

        var sending = call.SendRequestAsync(new SipInDialogRequest(SipMethod.Info), CancellationToken.None);
        await peer.ReceiveRequestAsync("INFO");
        // RFC 3261 §17.1.2.2: Timer F gives up after 64*T1.
        clock.Advance(TimeSpan.FromSeconds(33));

        var result = await sending.WaitAsync(Patience);
        Assert.Equal(408, result.StatusCode);
        Assert.False(result.IsAnswered);
        Assert.NotNull(result.Error);
        Assert.IsType<SipCallDialogFailed>(await observer.NextAsync());
    }

    [Theory]
    [InlineData("INVITE")]
    [InlineData("ACK")]
    [InlineData("BYE")]
    [InlineData("CANCEL")]
    [InlineData("PRACK")]
    [InlineData("UPDATE")]
    [InlineData("REFER")]
    [InlineData("SUBSCRIBE")]
    public async Task MethodsTheDialogOwns_AreRefused(string method)
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var (call, _, _) = await InDialogRequestTests.ConfirmedInboundAsync(agent, peer);

        Assert.Throws<ArgumentException>(() => { _ = call.SendRequestAsync(new SipInDialogRequest(new SipMethod(method)), CancellationToken.None); });
        Assert.True(await peer.NothingWithinAsync(0.3));
    }

    [Theory]
    [InlineData("Call-ID", "x")]
    [InlineData("cseq", "9 INFO")]
    [InlineData("Content-Type", "text/plain")]
    [InlineData("X-Smuggled", "a\r\nVia: SIP/2.0/UDP evil")]
    public async Task HeadersTheDialogWrites_OrThatBreakTheMessage_AreRefused(string name, string value)
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var (call, _, _) = await InDialogRequestTests.ConfirmedInboundAsync(agent, peer);

        Assert.Throws<ArgumentException>(() => { _ = call.SendRequestAsync(new SipInDialogRequest(SipMethod.Info) { Headers = [new(name, value)] }, CancellationToken.None); });
        Assert.True(await peer.NothingWithinAsync(0.3));
    }

    [Fact]
    public async Task Request_AfterTheCallEnded_Is481WithoutSending()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var (call, _, _) = await InDialogRequestTests.ConfirmedInboundAsync(agent, peer);
        var hangup = call.HangupAsync(CancellationToken.None);
        peer.Respond(await peer.ReceiveRequestAsync("BYE"), 200, "OK", agent.LocalEndPoint, toTag: null);
        await hangup.WaitAsync(Patience);

        var result = await call.SendRequestAsync(new SipInDialogRequest(SipMethod.Info), CancellationToken.None);

        Assert.Equal(481, result.StatusCode);
        Assert.False(result.IsAnswered);
        Assert.True(await peer.NothingWithinAsync(0.3));
    }
}
