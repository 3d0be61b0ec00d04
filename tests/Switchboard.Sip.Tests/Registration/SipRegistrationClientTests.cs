using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Sip.Auth;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Registrar;
using Switchboard.Sip.Registration;
using Switchboard.Sip.Tests.Registrar;
using Switchboard.Sip.Tests.UserAgent;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Tests.Registration;

/// <summary>
/// The registration client (RFC 3261 §10.2) against our own registrar on loopback, and against a hand-driven UDP
/// registrar for the answers a real one gives only on a bad day (503, 423, silence).
/// </summary>
public class SipRegistrationClientTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Client_AnswersTheChallenge_AndKeepsTheBindingAliveAcrossManyExpiries(bool tcp)
    {
        var clock = new ManualTimeProvider();
        await using var registrar = await RegistrarFixture.StartAsync(clock);
        await using var agent = await UserAgentFixture.StartAsync(clock);
        var watcher = new RegistrationWatcher();
        var options = new SipRegistrationOptions(RegistrarUri(registrar, tcp), "alice", new SipCredentials("alice", "wonderland1")) { Expires = TimeSpan.FromSeconds(60) };
        await using var client = new SipRegistrationClient(agent, options, NullLogger.Instance, watcher.OnChanged);

        client.Start();
        var registered = await watcher.WaitForAsync(SipRegistrationState.Registered);

        Assert.Equal(200, registered.StatusCode);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromSeconds(60), registered.ExpiresAt);
        var contact = Assert.Single(registrar.Locations.Lookup("alice")).Contact.Uri;
        Assert.Equal(agent.LocalEndPoint.Port, contact.Port);
        Assert.Equal(tcp ? "tcp" : null, contact.GetParameter("transport"));

        // Five minutes of 60 s registrations: refreshed at half time, the binding never lapses.
        // The clock moves only while no refresh is on the wire, so a slow machine cannot make a refresh look late.
        for (var second = 0; second < 300; second++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5);
            for (var wait = 0; client.Status.State != SipRegistrationState.Registered && wait < 1000; wait++)
            {
                await Task.Delay(5);
            }

            Assert.Single(registrar.Locations.Lookup("alice"));
        }

        Assert.Equal(SipRegistrationState.Registered, client.Status.State);
        Assert.True(client.Status.ExpiresAt > clock.GetUtcNow() + TimeSpan.FromSeconds(25));
    }

    [Fact]
    public async Task Stop_RemovesTheBindingWithExpiresZero()
    {
        await using var registrar = await RegistrarFixture.StartAsync();
        await using var agent = await UserAgentFixture.StartAsync();
        var watcher = new RegistrationWatcher();
        var client = new SipRegistrationClient(agent, new SipRegistrationOptions(RegistrarUri(registrar), "alice", new SipCredentials("alice", "wonderland1")), NullLogger.Instance, watcher.OnChanged);
        client.Start();
        await watcher.WaitForAsync(SipRegistrationState.Registered);

        await client.StopAsync(CancellationToken.None);

        Assert.Equal(SipRegistrationState.Unregistered, client.Status.State);
        Assert.Equal(200, client.Status.StatusCode);
        Assert.Empty(registrar.Locations.Lookup("alice"));
    }

    [Fact]
    public async Task WrongPassword_Fails403_AndTriesAgainAfterABackoff()
    {
        var clock = new ManualTimeProvider();
        await using var registrar = await RegistrarFixture.StartAsync(clock);
        await using var agent = await UserAgentFixture.StartAsync(clock);
        var watcher = new RegistrationWatcher();
        var options = new SipRegistrationOptions(RegistrarUri(registrar), "alice", new SipCredentials("alice", "not-it")) { RetryInitial = TimeSpan.FromSeconds(10) };
        await using var client = new SipRegistrationClient(agent, options, NullLogger.Instance, watcher.OnChanged);

        client.Start();
        var failed = await watcher.WaitForAsync(SipRegistrationState.Failed);
        registrar.Users.Add("alice", "not-it");
        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(403, failed.StatusCode);
        Assert.Equal(1, failed.ConsecutiveFailures);
        Assert.Equal(0, (await watcher.WaitForAsync(SipRegistrationState.Registered)).ConsecutiveFailures);
    }

    [Fact]
    public async Task Failures_BackOffExponentially_UpToTheCap()
    {
        var clock = new ManualTimeProvider();
        await using var agent = await UserAgentFixture.StartAsync(clock);
        using var carrier = new UdpPeer();
        var watcher = new RegistrationWatcher();
        var options = new SipRegistrationOptions($"sip:127.0.0.1:{carrier.Port}", "trunk", null)
        {
            RetryInitial = TimeSpan.FromSeconds(4),
            RetryMax = TimeSpan.FromSeconds(16),
        };
        await using var client = new SipRegistrationClient(agent, options, NullLogger.Instance, watcher.OnChanged);
        client.Start();

        var waits = new List<TimeSpan>();
        var register = Assert.IsType<SipRequest>(await carrier.ReceiveAsync());
        for (var attempt = 0; attempt < 5; attempt++)
        {
            carrier.Respond(register, 503, "Service Unavailable", new IPEndPoint(IPAddress.Loopback, agent.LocalEndPoint.Port));
            await watcher.WaitForAsync(SipRegistrationState.Failed);
            var started = clock.GetUtcNow();
            SipRequest? next = null;
            while (next is null)
            {
                clock.Advance(TimeSpan.FromMilliseconds(250));
                next = await ReceiveWithinAsync(carrier, 0.02);
            }

            waits.Add(clock.GetUtcNow() - started);
            register = next;
        }

        // Equal jitter: each wait lies in the upper half of min(cap, 4 s · 2^n).
        double[] ceilings = [4, 8, 16, 16, 16];
        for (var i = 0; i < waits.Count; i++)
        {
            Assert.InRange(waits[i].TotalSeconds, (ceilings[i] / 2) - 0.25, ceilings[i] + 0.25);
        }
    }

    [Fact]
    public async Task IntervalTooBrief_IsAnsweredWithMinExpires_AndRefreshesKeepIt()
    {
        var clock = new ManualTimeProvider();
        await using var agent = await UserAgentFixture.StartAsync(clock);
        using var carrier = new UdpPeer();
        var agentAddress = new IPEndPoint(IPAddress.Loopback, agent.LocalEndPoint.Port);
        var watcher = new RegistrationWatcher();
        var options = new SipRegistrationOptions($"sip:127.0.0.1:{carrier.Port}", "trunk", null) { Expires = TimeSpan.FromSeconds(30) };
        await using var client = new SipRegistrationClient(agent, options, NullLogger.Instance, watcher.OnChanged);

        client.Start();
        var first = await carrier.ReceiveRequestAsync("REGISTER");
        carrier.Respond(first, 423, "Interval Too Brief", agentAddress, extra: "Min-Expires: 120\r\n");
        var second = await carrier.ReceiveRequestAsync("REGISTER");
        carrier.Respond(second, 200, "OK", agentAddress, extra: "Expires: 120\r\n");
        await watcher.WaitForAsync(SipRegistrationState.Registered);
        clock.Advance(TimeSpan.FromSeconds(60));
        var refresh = await carrier.ReceiveRequestAsync("REGISTER");
        carrier.Respond(refresh, 200, "OK", agentAddress, extra: "Expires: 120\r\n");
        await watcher.WaitForAsync(SipRegistrationState.Registered);
        var stopping = client.StopAsync(CancellationToken.None);
        var unregister = await carrier.ReceiveRequestAsync("REGISTER");
        carrier.Respond(unregister, 200, "OK", agentAddress);
        await stopping.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal("0", unregister.GetHeader("Expires"));
        Assert.Equal(SipRegistrationState.Unregistered, client.Status.State);
        Assert.Equal("30", first.GetHeader("Expires"));
        Assert.Equal("120", second.GetHeader("Expires"));
        Assert.Equal("120", refresh.GetHeader("Expires"));
        Assert.Equal(first.CallId, refresh.CallId);
        Assert.True(refresh.CSeq!.Value.Number > second.CSeq!.Value.Number);
        Assert.True(second.CSeq!.Value.Number > first.CSeq!.Value.Number);
    }

    [Fact]
    public async Task Register_IsWrittenAsRfc3261Section10Asks()
    {
        await using var agent = await UserAgentFixture.StartAsync();
        using var carrier = new UdpPeer();
        var options = new SipRegistrationOptions($"sip:127.0.0.1:{carrier.Port}", "trunk", null) { Domain = "carrier.example", Expires = TimeSpan.FromSeconds(600) };
        await using var client = new SipRegistrationClient(agent, options, NullLogger.Instance);

        client.Start();
        var register = await carrier.ReceiveRequestAsync("REGISTER");

        Assert.Equal($"sip:127.0.0.1:{carrier.Port}", register.RequestUri.ToString());
        Assert.Equal("sip:trunk@carrier.example", register.To!.Uri.ToString());
        Assert.Equal("sip:trunk@carrier.example", register.From!.Uri.ToString());
        Assert.NotNull(register.From.Tag);
        Assert.Equal($"sip:trunk@127.0.0.1:{agent.LocalEndPoint.Port}", register.Contact!.Uri.ToString());
        Assert.Equal("600", register.GetHeader("Expires"));
    }

    [Fact]
    public async Task SilentRegistrar_FailsWith408AfterTimerF()
    {
        var clock = new ManualTimeProvider();
        await using var agent = await UserAgentFixture.StartAsync(clock);
        using var carrier = new UdpPeer();
        var watcher = new RegistrationWatcher();
        await using var client = new SipRegistrationClient(agent, new SipRegistrationOptions($"sip:127.0.0.1:{carrier.Port}", "trunk", null), NullLogger.Instance, watcher.OnChanged);

        client.Start();
        await carrier.ReceiveRequestAsync("REGISTER");
        await Task.Delay(50);
        clock.Advance(TimeSpan.FromSeconds(33));

        Assert.Equal(408, (await watcher.WaitForAsync(SipRegistrationState.Failed)).StatusCode);
    }

    [Theory]
    [InlineData(1, 0.0, 2)]
    [InlineData(1, 0.999, 4)]
    [InlineData(3, 0.0, 8)]
    [InlineData(30, 0.5, 225)]
    public void Backoff_DoublesFromTheInitialWait_WithinItsCap(int failures, double random, double expectedSeconds)
    {
        var delay = RegistrationBackoff.Delay(failures, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(300), random);

        Assert.Equal(expectedSeconds, delay.TotalSeconds, 0.01);
    }

    static async Task<SipRequest?> ReceiveWithinAsync(UdpPeer peer, double seconds)
    {
        try
        {
            return Assert.IsType<SipRequest>(await peer.ReceiveAsync(seconds));
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    static string RegistrarUri(RegistrarFixture registrar, bool tcp = false) =>
        $"sip:127.0.0.1:{registrar.Agent.LocalEndPoint.Port}" + (tcp ? ";transport=tcp" : "");
}
