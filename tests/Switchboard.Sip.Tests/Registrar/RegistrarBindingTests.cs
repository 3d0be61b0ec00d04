using Switchboard.Sip.Messages;
using Switchboard.Sip.Registrar;

namespace Switchboard.Sip.Tests.Registrar;

/// <summary>How REGISTER adds, refreshes, removes and lists bindings (RFC 3261 §10.3 steps 6–8) and how they lapse.</summary>
public class RegistrarBindingTests
{
    const string Password = "wonderland1";

    [Fact]
    public async Task Register_Answers200ListingEveryBindingWithItsSecondsLeft()
    {
        var clock = new ManualTimeProvider();
        await using var registrar = await RegistrarFixture.StartAsync(clock);

        var response = await registrar.Phone.RegisterAsync("alice", Password, "c1", 1, [registrar.Phone.Contact(), $"<sip:alice@127.0.0.1:7000>;expires=120"], "600");

        Assert.Equal(200, response.StatusCode);
        var listed = ContactsOf(response);
        Assert.Equal(2, listed.Count);
        Assert.Contains(listed, c => c.Uri.Port == registrar.Phone.Port && SipParameters.Get(c.Parameters, "expires") == "600");
        Assert.Contains(listed, c => c.Uri.Port == 7000 && SipParameters.Get(c.Parameters, "expires") == "120");
        Assert.NotNull(response.GetHeader("Date"));
    }

    [Fact]
    public async Task Binding_LapsesWhenItsTimeIsUp()
    {
        var clock = new ManualTimeProvider();
        await using var registrar = await RegistrarFixture.StartAsync(clock);
        await registrar.Phone.RegisterAsync("alice", Password, "c1", 1, [registrar.Phone.Contact()], "120");

        clock.Advance(TimeSpan.FromSeconds(119));
        Assert.Single(registrar.Locations.Lookup("alice"));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(registrar.Locations.Lookup("alice"));
        Assert.Null(registrar.Locations.FindContactUri("alice"));
    }

    [Fact]
    public async Task Register_ShorterThanTheMinimum_Is423WithMinExpires()
    {
        await using var registrar = await RegistrarFixture.StartAsync();

        var response = await registrar.Phone.RegisterAsync("alice", Password, "c1", 1, [registrar.Phone.Contact()], "30");

        Assert.Equal(423, response.StatusCode);
        Assert.Equal("60", response.GetHeader("Min-Expires"));
        Assert.Empty(registrar.Locations.Lookup("alice"));
    }

    [Fact]
    public async Task Register_LongerThanTheMaximum_IsGrantedTheMaximum()
    {
        var clock = new ManualTimeProvider();
        await using var registrar = await RegistrarFixture.StartAsync(clock);

        var response = await registrar.Phone.RegisterAsync("alice", Password, "c1", 1, [registrar.Phone.Contact()], "86400");

        Assert.Equal("7200", SipParameters.Get(Assert.Single(ContactsOf(response)).Parameters, "expires"));
    }

    [Fact]
    public async Task ContactExpiresParameter_WinsOverTheExpiresHeader_AndNeitherMeansTheDefault()
    {
        await using var registrar = await RegistrarFixture.StartAsync(new ManualTimeProvider());

        var response = await registrar.Phone.RegisterAsync("alice", Password, "c1", 1, [$"{registrar.Phone.Contact()};expires=300"], "900");
        var defaulted = await registrar.Phone.RegisterAsync("bob", "builder-22", "c2", 1, [registrar.Phone.Contact("bob")]);

        Assert.Equal("300", SipParameters.Get(Assert.Single(ContactsOf(response)).Parameters, "expires"));
        Assert.Equal("3600", SipParameters.Get(Assert.Single(ContactsOf(defaulted)).Parameters, "expires"));
    }

    [Fact]
    public async Task Register_WithExpiresZero_RemovesThatContactOnly()
    {
        await using var registrar = await RegistrarFixture.StartAsync();
        await registrar.Phone.RegisterAsync("alice", Password, "c1", 1, [registrar.Phone.Contact(), "<sip:alice@127.0.0.1:7000>"], "600");

        var response = await registrar.Phone.RegisterAsync("alice", Password, "c1", 3, ["<sip:alice@127.0.0.1:7000>"], "0");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(registrar.Phone.Port, Assert.Single(registrar.Locations.Lookup("alice")).Contact.Uri.Port);
    }

    [Fact]
    public async Task Wildcard_WithExpiresZero_RemovesEveryBinding()
    {
        await using var registrar = await RegistrarFixture.StartAsync();
        await registrar.Phone.RegisterAsync("alice", Password, "c1", 1, [registrar.Phone.Contact(), "<sip:alice@127.0.0.1:7000>"], "600");

        var response = await registrar.Phone.RegisterAsync("alice", Password, "c1", 3, ["*"], "0");

        Assert.Equal(200, response.StatusCode);
        Assert.Empty(ContactsOf(response));
        Assert.Empty(registrar.Locations.Lookup("alice"));
    }

    [Theory]
    [InlineData("3600", "*")]
    [InlineData("0", "*", "<sip:alice@127.0.0.1:7000>")]
    public async Task Wildcard_WithAnExpirationOrBesideAContact_Is400(string expires, params string[] contacts)
    {
        await using var registrar = await RegistrarFixture.StartAsync();
        await registrar.Phone.RegisterAsync("alice", Password, "c1", 1, [registrar.Phone.Contact()], "600");

        var response = await registrar.Phone.RegisterAsync("alice", Password, "c1", 3, contacts, expires);

        Assert.Equal(400, response.StatusCode);
        Assert.Single(registrar.Locations.Lookup("alice"));
    }

    [Fact]
    public async Task Register_WithoutContact_IsAQueryListingTheBindings()
    {
        await using var registrar = await RegistrarFixture.StartAsync();
        await registrar.Phone.RegisterAsync("alice", Password, "c1", 1, [registrar.Phone.Contact()], "600");

        var response = await registrar.Phone.RegisterAsync("alice", Password, "c9", 1, []);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(registrar.Phone.Port, Assert.Single(ContactsOf(response)).Uri.Port);
        Assert.Single(registrar.Locations.Lookup("alice"));
    }

    [Fact]
    public async Task Register_WithTheSameCallIdAndAnOlderCSeq_FailsAndChangesNothing()
    {
        await using var registrar = await RegistrarFixture.StartAsync();
        await registrar.Phone.RegisterAsync("alice", Password, "c1", 10, [registrar.Phone.Contact()], "600");

        var reordered = await registrar.Phone.RegisterAsync("alice", Password, "c1", 5, [registrar.Phone.Contact()], "0");

        Assert.Equal(500, reordered.StatusCode);
        Assert.Single(registrar.Locations.Lookup("alice"));
    }

    [Fact]
    public async Task Register_FromANewCallId_ReplacesTheBindingWhateverItsCSeq()
    {
        await using var registrar = await RegistrarFixture.StartAsync();
        await registrar.Phone.RegisterAsync("alice", Password, "before-reboot", 10, [registrar.Phone.Contact()], "600");

        var rebooted = await registrar.Phone.RegisterAsync("alice", Password, "after-reboot", 1, [registrar.Phone.Contact()], "300");

        Assert.Equal(200, rebooted.StatusCode);
        Assert.Equal("after-reboot", Assert.Single(registrar.Locations.Lookup("alice")).CallId);
    }

    [Fact]
    public async Task Register_BeyondTheContactLimit_Is503AndKeepsTheBindingsItHad()
    {
        await using var registrar = await RegistrarFixture.StartAsync(options: new SipRegistrarOptions(RegistrarFixture.Realm) { MaxBindingsPerUser = 2 });
        await registrar.Phone.RegisterAsync("alice", Password, "c1", 1, ["<sip:alice@127.0.0.1:7001>", "<sip:alice@127.0.0.1:7002>"], "600");

        var response = await registrar.Phone.RegisterAsync("alice", Password, "c2", 1, ["<sip:alice@127.0.0.1:7003>"], "600");

        Assert.Equal(503, response.StatusCode);
        Assert.Equal(2, registrar.Locations.Lookup("alice").Count);
    }

    [Fact]
    public async Task Lookup_PrefersTheHighestQ()
    {
        await using var registrar = await RegistrarFixture.StartAsync();

        await registrar.Phone.RegisterAsync("alice", Password, "c1", 1, ["<sip:alice@127.0.0.1:7001>;q=0.2", "<sip:alice@127.0.0.1:7002>;q=0.9"], "600");

        Assert.Equal("sip:alice@127.0.0.1:7002", registrar.Locations.FindContactUri("alice"));
    }

    [Fact]
    public async Task Lookup_GivesTheAddressOfRecordTheContactWasRegisteredFor()
    {
        await using var registrar = await RegistrarFixture.StartAsync();

        await registrar.Phone.RegisterAsync("alice", Password, "c1", 1, ["<sip:alice@127.0.0.1:7002>"], "600");

        Assert.Equal("sip:alice@127.0.0.1:7002", registrar.Locations.FindContactUri("alice"));
        Assert.Equal("sip:alice@127.0.0.1", registrar.Locations.FindAddressOfRecord("alice"));
        Assert.Null(registrar.Locations.FindAddressOfRecord("bob"));
    }

    [Fact]
    public async Task Invite_StillGoesToTheInboundCallPath_NotTheRegistrar()
    {
        await using var registrar = await RegistrarFixture.StartAsync();
        using var peer = new UserAgent.UdpPeer();

        peer.Send(peer.Request("INVITE", "z9hG4bKinvreg"), registrar.Agent.LocalEndPoint);

        Assert.Equal(480, Assert.IsType<SipResponse>(await peer.ReceiveAsync()).StatusCode);
    }

    [Fact]
    public async Task MalformedContact_Is400()
    {
        await using var registrar = await RegistrarFixture.StartAsync();

        var response = await registrar.Phone.RegisterAsync("alice", Password, "c1", 1, ["<http://example.com>"], "600");

        Assert.Equal(400, response.StatusCode);
    }

    static List<SipNameAddress> ContactsOf(SipResponse response) =>
        [.. response.GetHeaderValues(SipHeaderNames.Contact).Select(v => SipNameAddress.TryParse(v.Span, out var a) ? a : throw new InvalidOperationException())];
}
