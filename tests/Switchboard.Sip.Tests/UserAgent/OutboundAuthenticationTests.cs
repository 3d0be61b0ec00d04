using Switchboard.Sip.Auth;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Tests.Support;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Tests.UserAgent;

/// <summary>An outbound INVITE challenged with 401/407 (RFC 3261 §22.2), answered by a loopback peer that verifies with <see cref="DigestVerifier"/>.</summary>
public class OutboundAuthenticationTests
{
    static readonly SipCredentials Alice = new("alice", "wonderland");
    readonly DigestVerifier _proxy = new(Enumerable.Repeat((byte)7, 32).ToArray(), TimeProvider.System, TimeSpan.FromMinutes(1));
    readonly DigestVerifier _registrar = new(Enumerable.Repeat((byte)9, 32).ToArray(), TimeProvider.System, TimeSpan.FromMinutes(1));

    static OutboundCallRequest Request(UdpPeer peer, SipCredentials? credentials) =>
        UserAgentFixture.Request($"sip:bob@127.0.0.1:{peer.Port}") with { Credentials = credentials };

    DigestVerification Check(SipRequest invite, string header, DigestVerifier verifier, string realm, DigestAlgorithm algorithm)
    {
        Assert.True(DigestCredentials.TryParse(invite.GetHeader(header)!, out var credentials), invite.GetHeader(header));
        Assert.Equal(invite.RequestUri.ToString(), credentials.Uri);
        return verifier.Verify(credentials, "INVITE", DigestHash.Ha1(algorithm, "alice", realm, "wonderland"), algorithm);
    }

    [Fact]
    public async Task Challenge407_IsAnswered_WithTheSameCallIdAndFromTag_TheNextCSeqAndANewBranch()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var observer = new RecordingObserver();
        var call = agent.PlaceCall(Request(peer, Alice), observer);

        var first = await peer.ReceiveRequestAsync("INVITE");
        peer.Respond(first, 100, "Trying", agent.LocalEndPoint, toTag: null);
        var challenge = _proxy.CreateChallenge("proxy.test", DigestAlgorithm.Sha256);
        peer.Respond(first, 407, "Proxy Authentication Required", agent.LocalEndPoint,
            extra: $"Proxy-Authenticate: {challenge with { Algorithm = DigestAlgorithm.Md5 }}\r\nProxy-Authenticate: {challenge}\r\n");
        var ack = await peer.ReceiveRequestAsync("ACK");
        var second = await peer.ReceiveRequestAfterAsync("INVITE", first);
        peer.Respond(second, 200, "OK", agent.LocalEndPoint, extra: $"Contact: <sip:bob@127.0.0.1:{peer.Port}>\r\n");
        var dialogAck = await peer.ReceiveRequestAsync("ACK");

        Assert.IsType<SipCallProgress>(await observer.NextAsync());
        Assert.IsType<SipCallAnswered>(await observer.NextAsync());
        Assert.Equal(first.TopVia!.Branch, ack.TopVia!.Branch);
        Assert.Equal(first.CallId, second.CallId);
        Assert.Equal(first.From!.Tag, second.From!.Tag);
        Assert.Null(second.To!.Tag);
        Assert.Equal(new SipCSeq(2, SipMethod.Invite), second.CSeq);
        Assert.NotEqual(first.TopVia.Branch, second.TopVia!.Branch);
        Assert.Equal(first.BodyAsString(), second.BodyAsString());
        Assert.Equal("yes", second.GetHeader("X-Test"));
        Assert.Equal(DigestVerification.Valid, Check(second, "Proxy-Authorization", _proxy, "proxy.test", DigestAlgorithm.Sha256));
        Assert.Null(second.GetHeader("Authorization"));
        Assert.Equal(new SipCSeq(2, SipMethod.Ack), dialogAck.CSeq);
        Assert.Equal(SipCallState.Confirmed, call.State);
    }

    [Fact]
    public async Task ProxyThenCallee_EachRealmIsAnswered_AndEarlierCredentialsAreResentWithTheNextNonceCount()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var observer = new RecordingObserver();
        agent.PlaceCall(Request(peer, Alice), observer);

        var first = await peer.ReceiveRequestAsync("INVITE");
        peer.Respond(first, 407, "Proxy Authentication Required", agent.LocalEndPoint,
            extra: $"Proxy-Authenticate: {_proxy.CreateChallenge("proxy.test", DigestAlgorithm.Md5)}\r\n");
        var second = await peer.ReceiveRequestAfterAsync("INVITE", first);
        peer.Respond(second, 401, "Unauthorized", agent.LocalEndPoint,
            extra: $"WWW-Authenticate: {_registrar.CreateChallenge("callee.test", DigestAlgorithm.Sha256)}\r\n");
        var third = await peer.ReceiveRequestAfterAsync("INVITE", second);
        peer.Respond(third, 486, "Busy Here", agent.LocalEndPoint);

        Assert.Equal(new SipCSeq(3, SipMethod.Invite), third.CSeq);
        Assert.Equal(DigestVerification.Valid, Check(third, "Proxy-Authorization", _proxy, "proxy.test", DigestAlgorithm.Md5));
        Assert.Equal(DigestVerification.Valid, Check(third, "Authorization", _registrar, "callee.test", DigestAlgorithm.Sha256));
        Assert.Contains("nc=00000002", third.GetHeader("Proxy-Authorization"), StringComparison.Ordinal);
        Assert.Equal(486, Assert.IsType<SipCallRejected>(await observer.NextAsync()).StatusCode);
    }

    [Fact]
    public async Task SecondChallengeForTheSameRealm_EndsTheCallWithIt()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var observer = new RecordingObserver();
        var call = agent.PlaceCall(Request(peer, new SipCredentials("alice", "wrong")), observer);

        var first = await peer.ReceiveRequestAsync("INVITE");
        peer.Respond(first, 401, "Unauthorized", agent.LocalEndPoint, extra: $"WWW-Authenticate: {_registrar.CreateChallenge("callee.test", DigestAlgorithm.Md5)}\r\n");
        var second = await peer.ReceiveRequestAfterAsync("INVITE", first);
        Assert.Equal(DigestVerification.WrongResponse, Check(second, "Authorization", _registrar, "callee.test", DigestAlgorithm.Md5));
        peer.Respond(second, 401, "Unauthorized", agent.LocalEndPoint, extra: $"WWW-Authenticate: {_registrar.CreateChallenge("callee.test", DigestAlgorithm.Md5)}\r\n");

        Assert.Equal(new SipCallRejected(401, "Unauthorized"), await observer.NextAsync());
        await peer.ReceiveRequestAsync("ACK");
        Assert.True(await peer.NothingWithinAsync(0.3));
        Assert.Equal(SipCallState.Ended, call.State);
    }

    [Fact]
    public async Task StaleNonce_IsRetriedOnce_ThenTheNextStaleChallengeEndsTheCall()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var observer = new RecordingObserver();
        agent.PlaceCall(Request(peer, Alice), observer);
        var header = () => $"WWW-Authenticate: {_registrar.CreateChallenge("callee.test", DigestAlgorithm.Md5, stale: true)}\r\n";

        var first = await peer.ReceiveRequestAsync("INVITE");
        peer.Respond(first, 401, "Unauthorized", agent.LocalEndPoint, extra: header());
        var second = await peer.ReceiveRequestAfterAsync("INVITE", first);
        peer.Respond(second, 401, "Unauthorized", agent.LocalEndPoint, extra: header());
        var third = await peer.ReceiveRequestAfterAsync("INVITE", second);
        peer.Respond(third, 401, "Unauthorized", agent.LocalEndPoint, extra: header());

        Assert.Equal(401, Assert.IsType<SipCallRejected>(await observer.NextAsync()).StatusCode);
        Assert.Equal(new SipCSeq(3, SipMethod.Invite), third.CSeq);
    }

    [Fact]
    public async Task ChallengeWithoutCredentials_OrWithoutADigestWeSpeak_EndsTheCallWithIt()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var withoutCredentials = new RecordingObserver();
        var unsupported = new RecordingObserver();

        agent.PlaceCall(Request(peer, null), withoutCredentials);
        var first = await peer.ReceiveRequestAsync("INVITE");
        peer.Respond(first, 407, "Proxy Authentication Required", agent.LocalEndPoint, extra: $"Proxy-Authenticate: {_proxy.CreateChallenge("p", DigestAlgorithm.Md5)}\r\n");
        agent.PlaceCall(Request(peer, Alice), unsupported);
        // Another call's INVITE: a retransmission of the first call's is skipped by its Call-ID.
        var second = await peer.ReceiveRequestAsync("INVITE");
        while (second.CallId == first.CallId)
        {
            second = await peer.ReceiveRequestAsync("INVITE");
        }

        peer.Respond(second, 401, "Unauthorized", agent.LocalEndPoint, extra: "WWW-Authenticate: Digest realm=\"r\", nonce=\"n\", algorithm=SHA-512-256\r\n");

        Assert.Equal(407, Assert.IsType<SipCallRejected>(await withoutCredentials.NextAsync()).StatusCode);
        Assert.Equal(401, Assert.IsType<SipCallRejected>(await unsupported.NextAsync()).StatusCode);
    }

    [Fact]
    public async Task HangupDuringTheRetriedInvite_CancelsTheNewTransaction()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var peer = new UdpPeer();
        var observer = new RecordingObserver();
        var call = agent.PlaceCall(Request(peer, Alice), observer);
        var first = await peer.ReceiveRequestAsync("INVITE");
        peer.Respond(first, 407, "Proxy Authentication Required", agent.LocalEndPoint, extra: $"Proxy-Authenticate: {_proxy.CreateChallenge("p", DigestAlgorithm.Md5)}\r\n");
        var second = await peer.ReceiveRequestAfterAsync("INVITE", first);
        peer.Respond(second, 180, "Ringing", agent.LocalEndPoint);
        await observer.NextAsync();

        var hangup = call.HangupAsync(CancellationToken.None);
        var cancel = await peer.ReceiveRequestAsync("CANCEL");
        peer.Respond(cancel, 200, "OK", agent.LocalEndPoint);
        peer.Respond(second, 487, "Request Terminated", agent.LocalEndPoint);
        await hangup.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(second.TopVia!.Branch, cancel.TopVia!.Branch);
        Assert.Equal(new SipCSeq(2, SipMethod.Cancel), cancel.CSeq);
        Assert.Equal(487, Assert.IsType<SipCallRejected>(await observer.NextAsync()).StatusCode);
    }
}
