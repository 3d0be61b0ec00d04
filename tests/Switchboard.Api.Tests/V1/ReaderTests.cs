using System.Text.Json;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.Applications;
using Switchboard.Api.V1.Clients;
using Switchboard.Api.V1.PhoneNumbers;
using Switchboard.Api.V1.VoipCarriers;
using Switchboard.Storage.Clients;

namespace Switchboard.Api.Tests.V1;

public sealed class ReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    [Fact]
    public void ApplicationHooks_AreABareUrlMeaningPost_OrAnObjectWithMethodAndCredentials()
    {
        var application = ApplicationReader.Read(
            Json("""{"name":"a","call_hook":"http://example.com/x","call_status_hook":{"url":"https://e.com/s","method":"get","username":"u","password":"p"}}"""),
            ApplicationReader.Blank("acc", Now),
            creating: true);

        Assert.Equal(new Storage.Applications.WebhookTarget("http://example.com/x", "POST", null, null), application.CallHook);
        Assert.Equal(new Storage.Applications.WebhookTarget("https://e.com/s", "GET", "u", "p"), application.CallStatusHook);
    }

    [Fact]
    public void ApplicationUpdate_KeepsAbsentFields_AndClearsNullOnes()
    {
        var current = ApplicationReader.Read(
            Json("""{"name":"a","call_hook":"https://e.com/1","call_status_hook":"https://e.com/2","speech_synthesis_voice":"v"}"""),
            ApplicationReader.Blank("acc", Now),
            creating: true);

        var updated = ApplicationReader.Read(Json("""{"call_status_hook":null}"""), current, creating: false);

        Assert.Equal(current with { CallStatusHook = null }, updated);
    }

    [Fact]
    public void ApplicationCreate_RequiresNameAndCallHook_EvenWhereTheBlankHasThem()
    {
        var blank = ApplicationReader.Blank("acc", Now) with { Name = "placeholder" };

        Assert.Equal("name", Assert.Throws<ValidationException>(() => ApplicationReader.Read(Json("{}"), blank, creating: true)).Error.Field);
        Assert.Equal("call_hook", Assert.Throws<ValidationException>(() => ApplicationReader.Read(Json("""{"name":"n"}"""), blank, creating: true)).Error.Field);
    }

    [Theory]
    [InlineData("+306971234567")]
    [InlineData("306971234567")]
    [InlineData("1")]
    public void PhoneNumber_AcceptsDigitsWithAnOptionalPlus(string number)
    {
        var record = PhoneNumberReader.Read(Json($$"""{"number":"{{number}}"}"""), PhoneNumberReader.Blank("acc", Now), creating: true);

        Assert.Equal(number, record.Number);
    }

    [Theory]
    [InlineData("192.0.2.1")]
    [InlineData("192.0.2.0/24")]
    [InlineData("0.0.0.0/0")]
    [InlineData("2001:db8::1")]
    [InlineData("2001:db8::/32")]
    public void AllowList_AcceptsAddressesAndBlocks(string entry)
    {
        Assert.Equal([entry], AllowListReader.Read(Json($$"""{"inbound_allow_list":["{{entry}}"]}""")));
    }

    [Theory]
    [InlineData("10.1")]
    [InlineData("10.0.0.256")]
    [InlineData("10.0.0.1/24")]
    [InlineData("10.0.0.0/33")]
    [InlineData("example.com")]
    [InlineData("")]
    [InlineData("2001:db8::1/32")]
    public void AllowList_RefusesAnythingElse_NamingTheEntry(string entry)
    {
        var invalid = Assert.Throws<ValidationException>(() => AllowListReader.Read(Json($$"""{"inbound_allow_list":["192.0.2.1","{{entry}}"]}""")));

        Assert.Equal("inbound_allow_list[1]", invalid.Error.Field);
    }

    [Fact]
    public void AllowList_HasABoundedLength()
    {
        var entries = string.Join(",", Enumerable.Repeat("\"192.0.2.1\"", AllowListReader.MaxEntries + 1));

        Assert.Equal("inbound_allow_list", Assert.Throws<ValidationException>(() => AllowListReader.Read(Json($$"""{"inbound_allow_list":[{{entries}}]}"""))).Error.Field);
    }

    [Fact]
    public void CarrierUpdate_KeepsThePassword_UnlessTheBodyNamesIt()
    {
        var current = VoipCarrierReader.Read(
            Json("""{"name":"t","host":"h.example","username":"u","password":"p","register":true}"""),
            VoipCarrierReader.Blank("acc", Now),
            creating: true);

        Assert.Equal("p", VoipCarrierReader.Read(Json("""{"port":5070}"""), current, creating: false).Password);
        Assert.Equal("q", VoipCarrierReader.Read(Json("""{"register_password":"q"}"""), current, creating: false).Password);
    }

    [Fact]
    public void Client_StoresTheDigestHashesOfUserRealmAndPassword()
    {
        var client = ClientReader.Read(Json("""{"username":"alice","password":"wonderland"}"""), ClientReader.Blank("acc", Now), creating: true, new ClientDigestOptions("sb.example"));

        Assert.Equal("sb.example", client.Realm);
        Assert.Equal(DigestHa1.Md5("alice", "sb.example", "wonderland"), client.Md5Ha1);
        Assert.Equal(DigestHa1.Sha256("alice", "sb.example", "wonderland"), client.Sha256Ha1);
    }

    [Fact]
    public void ClientUpdate_WithoutAPassword_ChangesNothing()
    {
        var current = ClientReader.Read(Json("""{"username":"alice","password":"wonderland"}"""), ClientReader.Blank("acc", Now), creating: true, ClientDigestOptions.Default);

        Assert.Same(current, ClientReader.Read(Json("""{"username":"alice"}"""), current, creating: false, ClientDigestOptions.Default));
    }
}
