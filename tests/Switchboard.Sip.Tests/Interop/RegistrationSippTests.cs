using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Sip.Auth;
using Switchboard.Sip.Registration;
using Switchboard.Sip.Tests.Registrar;
using Switchboard.Sip.Tests.Registration;
using Switchboard.Sip.Tests.Support;
using Switchboard.Sip.Tests.UserAgent;

namespace Switchboard.Sip.Tests.Interop;

/// <summary>REGISTER both ways against real SIPp: SIPp as a phone registering to our registrar, and as a carrier's registrar.</summary>
public class RegistrationSippTests
{
    [Fact]
    public async Task SippPhone_RegistersWithItsOwnDigestAnswer_AndRemovesItsBinding()
    {
        // SIPp 3.6 answers only MD5 and only the first challenge, which is why the registrar offers MD5 alone by default.
        await using var registrar = await RegistrarFixture.StartAsync();

        await using var sipp = await SippProcess.StartClientAsync("uac_register_digest.xml", registrar.Agent.LocalEndPoint, CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (registrar.Locations.Lookup("alice").Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.True(registrar.Locations.Lookup("alice").Count == 1, "not registered: " + sipp.Output);
        var binding = registrar.Locations.Lookup("alice")[0];
        Assert.Equal(sipp.Port, binding.Contact.Uri.Port);
        Assert.Equal(0, await sipp.WaitForExitAsync(TimeSpan.FromSeconds(15)));
        Assert.Empty(registrar.Locations.Lookup("alice"));
    }

    [Fact]
    public async Task Client_RegistersWithASippCarrier_RefreshesBeforeExpiry_AndUnregistersOnStop()
    {
        await using var carrier = await SippProcess.StartAsync("uas_carrier_registrar.xml", CancellationToken.None);
        await using var agent = await UserAgentFixture.StartAsync();
        var watcher = new RegistrationWatcher();
        var options = new SipRegistrationOptions($"sip:127.0.0.1:{carrier.Port}", "trunk", new SipCredentials("trunk", "secret")) { Domain = "carrier.test" };
        var client = new SipRegistrationClient(agent, options, NullLogger.Instance, watcher.OnChanged);

        client.Start();
        var first = await watcher.WaitForAsync(SipRegistrationState.Registered);
        var refreshed = await watcher.WaitForAsync(SipRegistrationState.Registered);
        await client.StopAsync(CancellationToken.None);

        Assert.True(refreshed.ExpiresAt > first.ExpiresAt);
        Assert.Equal(SipRegistrationState.Unregistered, client.Status.State);
        Assert.Equal(200, client.Status.StatusCode);
        Assert.Equal(0, await carrier.WaitForExitAsync(TimeSpan.FromSeconds(10)));
    }
}
