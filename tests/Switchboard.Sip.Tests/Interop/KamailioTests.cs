using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Sip.Auth;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Registration;
using Switchboard.Sip.Tests.Registration;
using Switchboard.Sip.Tests.Support;
using Switchboard.Sip.Tests.UserAgent;
using Switchboard.Sip.UserAgent;
using Switchboard.Testing.Kamailio;

namespace Switchboard.Sip.Tests.Interop;

/// <summary>
/// Kamailio as a carrier's edge on loopback: our client registers with its registrar (digest), calls from SIPp reach
/// us through it at the contact we registered, and our calls go out through it to a SIPp callee, in-dialog requests
/// following its Record-Route.
/// </summary>
public class KamailioTests
{
    const string Answer = "v=0\r\no=sb 2 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";

    [Fact]
    public async Task Client_RegistersWithKamailio_SippCallsReachUsThroughIt_AndStopEndsTheRoute()
    {
        await using var kamailio = await KamailioProcess.StartAsync(new IPEndPoint(IPAddress.Loopback, 9));
        await using var agent = await UserAgentFixture.StartAsync();
        var handler = new RecordingInboundHandler(call =>
        {
            call.Ring();
            call.Answer(Answer);
        });
        agent.InboundCalls = handler;
        var watcher = new RegistrationWatcher();
        var options = new SipRegistrationOptions($"sip:127.0.0.1:{kamailio.Port}", KamailioProcess.RegisteredUser, new SipCredentials(KamailioProcess.RegisteredUser, KamailioProcess.Password))
        {
            Domain = KamailioProcess.Domain,
            Expires = TimeSpan.FromSeconds(300),
        };
        var client = new SipRegistrationClient(agent, options, NullLogger.Instance, watcher.OnChanged);

        client.Start();
        var registered = await watcher.WaitForAsync(SipRegistrationState.Registered);
        Assert.True(registered.StatusCode == 200, kamailio.Output);

        await using (var caller = await SippProcess.StartClientAsync("uac", kamailio.EndPoint, CancellationToken.None, service: KamailioProcess.RegisteredUser))
        {
            var call = await handler.NextAsync(10);
            Assert.Equal(KamailioProcess.RegisteredUser, call.RequestUri.User);
            Assert.Equal(agent.LocalEndPoint.Port, call.RequestUri.Port);
            Assert.Contains($"127.0.0.1:{kamailio.Port}", call.GetHeader(SipHeaderNames.RecordRoute), StringComparison.Ordinal);
            Assert.Equal(0, await caller.WaitForExitAsync(TimeSpan.FromSeconds(15)));
        }

        await client.StopAsync(CancellationToken.None);
        Assert.Equal(200, client.Status.StatusCode);

        // With the binding removed, Kamailio has nowhere to send the user's calls.
        using var probe = new UdpPeer();
        probe.Send(probe.Request("INVITE", "z9hG4bKafterstop").Replace("sip:sb@127.0.0.1", $"sip:{KamailioProcess.RegisteredUser}@127.0.0.1:{kamailio.Port}", StringComparison.Ordinal), kamailio.EndPoint);
        var refusal = Assert.IsType<SipResponse>(await probe.ReceiveAsync());
        Assert.Equal(404, refusal.StatusCode);
    }

    [Fact]
    public async Task OutboundCall_ThroughKamailio_ReachesTheCallee_AndOurByeFollowsTheRecordRoute()
    {
        await using var callee = await SippProcess.StartAsync("uas_answer_wait_bye.xml", CancellationToken.None);
        await using var kamailio = await KamailioProcess.StartAsync(new IPEndPoint(IPAddress.Loopback, callee.Port));
        await using var agent = await UserAgentFixture.StartAsync();
        var observer = new RecordingObserver();

        var call = agent.PlaceCall(UserAgentFixture.Request($"sip:+15550199@127.0.0.1:{kamailio.Port}"), observer);

        var answered = await observer.NextOfTypeAsync<SipCallAnswered>(15);
        Assert.Contains("m=audio", answered.Sdp, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{kamailio.Port}", Assert.Single(call.Dialog!.RouteSet), StringComparison.Ordinal);
        await call.HangupAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, await callee.WaitForExitAsync(TimeSpan.FromSeconds(10)));
    }
}
