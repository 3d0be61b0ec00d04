using Switchboard.Sip.Auth;
using Switchboard.Sip.Registrar;

namespace Switchboard.Sip.Tests.Registrar;

/// <summary>Digest authentication of REGISTER (RFC 3261 §10.3 steps 3–4, §22; RFC 7616; RFC 8760) over real UDP.</summary>
public class RegistrarAuthenticationTests
{
    static readonly SipRegistrarOptions BothAlgorithms = new(RegistrarFixture.Realm) { Algorithms = [DigestAlgorithm.Sha256, DigestAlgorithm.Md5] };

    [Fact]
    public async Task Register_WithoutCredentials_IsChallengedWithMd5AndQopAuthByDefault()
    {
        await using var registrar = await RegistrarFixture.StartAsync();

        var response = await registrar.Phone.SendAsync("alice", "c1", 1, [registrar.Phone.Contact()]);

        Assert.Equal(401, response.StatusCode);
        var challenge = Assert.Single(RegisteringPhone.Challenges(response));
        Assert.Equal(DigestAlgorithm.Md5, challenge.Algorithm);
        Assert.True(challenge.OffersAuth);
        Assert.Equal(RegistrarFixture.Realm, challenge.Realm);
        Assert.NotNull(response.To!.Tag);
        Assert.Empty(registrar.Locations.Lookup("alice"));
    }

    [Fact]
    public async Task Register_WithSha256Enabled_IsChallengedWithSha256ThenMd5()
    {
        await using var registrar = await RegistrarFixture.StartAsync(options: BothAlgorithms);

        var response = await registrar.Phone.SendAsync("alice", "c1", 1, [registrar.Phone.Contact()]);

        Assert.Equal([DigestAlgorithm.Sha256, DigestAlgorithm.Md5], RegisteringPhone.Challenges(response).Select(c => c.Algorithm));
        Assert.All(RegisteringPhone.Challenges(response), c => Assert.True(c.OffersAuth));
    }

    [Theory]
    [InlineData(DigestAlgorithm.Md5)]
    [InlineData(DigestAlgorithm.Sha256)]
    public async Task Register_AnsweringTheChallenge_BindsTheContact(DigestAlgorithm algorithm)
    {
        await using var registrar = await RegistrarFixture.StartAsync(options: BothAlgorithms);

        var response = await registrar.Phone.RegisterAsync("alice", "wonderland1", "c1", 1, [registrar.Phone.Contact()], "600", algorithm);

        Assert.Equal(200, response.StatusCode);
        var binding = Assert.Single(registrar.Locations.Lookup("alice"));
        Assert.Equal(registrar.Phone.Port, binding.Contact.Uri.Port);
        Assert.Equal($"sip:alice@127.0.0.1:{registrar.Phone.Port}", registrar.Locations.FindContactUri("alice"));
    }

    [Fact]
    public async Task Register_WithTheWrongPassword_Is403AndBindsNothing()
    {
        await using var registrar = await RegistrarFixture.StartAsync();
        var challenge = await registrar.Phone.SendAsync("alice", "c1", 1, [registrar.Phone.Contact()]);

        var response = await registrar.Phone.SendAsync("alice", "c1", 2, [registrar.Phone.Contact()], authorization: registrar.Phone.Answer(challenge, "alice", "looking-glass"));

        Assert.Equal(403, response.StatusCode);
        Assert.Empty(registrar.Locations.Lookup("alice"));
    }

    [Fact]
    public async Task Register_ForAnotherUsersAddress_Is403EvenWithRightCredentials()
    {
        await using var registrar = await RegistrarFixture.StartAsync();
        var challenge = await registrar.Phone.SendAsync("alice", "c1", 1, [registrar.Phone.Contact()], toUser: "bob");

        var response = await registrar.Phone.SendAsync("alice", "c1", 2, [registrar.Phone.Contact()], authorization: registrar.Phone.Answer(challenge, "alice", "wonderland1"), toUser: "bob");

        Assert.Equal(403, response.StatusCode);
        Assert.Empty(registrar.Locations.Lookup("bob"));
    }

    [Fact]
    public async Task Register_ForAnUnknownUser_IsChallengedLikeAnyOtherThenRefused()
    {
        await using var registrar = await RegistrarFixture.StartAsync();
        var challenge = await registrar.Phone.SendAsync("mallory", "c1", 1, [registrar.Phone.Contact("mallory")]);

        var response = await registrar.Phone.SendAsync("mallory", "c1", 2, [registrar.Phone.Contact("mallory")], authorization: registrar.Phone.Answer(challenge, "mallory", "guessing"));

        Assert.Equal(401, challenge.StatusCode);
        Assert.Equal(403, response.StatusCode);
    }

    [Fact]
    public async Task Register_WithAnExpiredNonce_IsChallengedAgainAsStale_AndTheFreshNonceWorks()
    {
        var clock = new ManualTimeProvider();
        await using var registrar = await RegistrarFixture.StartAsync(clock);
        var challenge = await registrar.Phone.SendAsync("alice", "c1", 1, [registrar.Phone.Contact()]);
        clock.Advance(TimeSpan.FromMinutes(6));

        var stale = await registrar.Phone.SendAsync("alice", "c1", 2, [registrar.Phone.Contact()], authorization: registrar.Phone.Answer(challenge, "alice", "wonderland1"));
        var fresh = await registrar.Phone.SendAsync("alice", "c1", 3, [registrar.Phone.Contact()], authorization: registrar.Phone.Answer(stale, "alice", "wonderland1"));

        Assert.Equal(401, stale.StatusCode);
        Assert.All(RegisteringPhone.Challenges(stale), c => Assert.True(c.Stale));
        Assert.Equal(200, fresh.StatusCode);
    }

    [Fact]
    public async Task Register_WhoseDigestUriIsNotTheRequestUri_Is400()
    {
        await using var registrar = await RegistrarFixture.StartAsync();
        var challenge = await registrar.Phone.SendAsync("alice", "c1", 1, [registrar.Phone.Contact()]);
        var credentials = DigestClient.Answer(RegisteringPhone.Challenge(challenge, DigestAlgorithm.Md5), new SipCredentials("alice", "wonderland1"), "REGISTER", "sip:elsewhere.example");

        var response = await registrar.Phone.SendAsync("alice", "c1", 2, [registrar.Phone.Contact()], authorization: credentials.ToString());

        Assert.Equal(400, response.StatusCode);
        Assert.Empty(registrar.Locations.Lookup("alice"));
    }

    [Fact]
    public async Task Register_AnsweringAnAlgorithmNotOffered_IsChallengedAgain()
    {
        await using var registrar = await RegistrarFixture.StartAsync();
        var challenge = await registrar.Phone.SendAsync("alice", "c1", 1, [registrar.Phone.Contact()]);
        var md5 = RegisteringPhone.Challenge(challenge, DigestAlgorithm.Md5);
        var sha256 = DigestClient.Answer(md5 with { Algorithm = DigestAlgorithm.Sha256 }, new SipCredentials("alice", "wonderland1"), "REGISTER", registrar.Phone.RequestUri);

        var response = await registrar.Phone.SendAsync("alice", "c1", 2, [registrar.Phone.Contact()], authorization: sha256.ToString());

        Assert.Equal(401, response.StatusCode);
        Assert.Empty(registrar.Locations.Lookup("alice"));
    }

    [Fact]
    public async Task Register_RequiringAnExtension_Is420NamingIt()
    {
        await using var registrar = await RegistrarFixture.StartAsync();

        var response = await registrar.Phone.SendAsync("alice", "c1", 1, [registrar.Phone.Contact()], extra: "Require: outbound\r\n");

        Assert.Equal(420, response.StatusCode);
        Assert.Equal("outbound", response.GetHeader("Unsupported"));
    }
}
