using System.Text.Json;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.Calls;
using Switchboard.Calls.Verbs;
using Switchboard.Storage.Applications;

namespace Switchboard.Api.Tests.V1.Calls;

/// <summary>jambonz's <c>sip:request</c> and <c>sip:refer</c> verbs, and live control's <c>sip_request</c>.</summary>
public sealed class SipVerbReaderTests
{
    private readonly Dictionary<string, WebhookTarget> _hooks = [];

    private IReadOnlyList<Verb> Read(string application) =>
        new JambonzVerbReader(new Uri("https://app.example.com/call"), _hooks).ReadAll(JsonDocument.Parse(application).RootElement, "$");

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    [Fact]
    public void SipRequest_TakesItsMethodBodyAndHeaders_WithContentTypeAsTheBodysType()
    {
        var verb = Assert.IsType<SipRequestVerb>(Assert.Single(Read(
            """[{"verb":"sip:request","method":"info","body":"{\"a\":1}","headers":{"Content-Type":"application/json","X-Metadata":"m"},"actionHook":"/info"}]""")));

        Assert.Equal("INFO", verb.Request.Method);
        Assert.Equal("{\"a\":1}", verb.Request.Body);
        Assert.Equal("application/json", verb.Request.ContentType);
        Assert.Equal([new("X-Metadata", "m")], verb.Request.Headers);
        Assert.Equal("https://app.example.com/info", verb.ActionHook);
        Assert.Contains("https://app.example.com/info", _hooks.Keys);
    }

    [Theory]
    [InlineData("""[{"verb":"sip:request"}]""", "$[0].method")]
    [InlineData("""[{"verb":"sip:request","method":"BYE"}]""", "$[0].method")]
    [InlineData("""[{"verb":"sip:request","method":"invite"}]""", "$[0].method")]
    [InlineData("""[{"verb":"sip:request","method":"UPDATE"}]""", "$[0].method")]
    [InlineData("""[{"verb":"sip:request","method":"REFER"}]""", "$[0].method")]
    [InlineData("""[{"verb":"sip:request","method":"IN FO"}]""", "$[0].method")]
    [InlineData("""[{"verb":"sip:request","method":"INFO","headers":{"Call-ID":"x"}}]""", "$[0].headers.Call-ID")]
    [InlineData("""[{"verb":"sip:request","method":"INFO","headers":{"Refer-To":"sip:x@y"}}]""", "$[0].headers.Refer-To")]
    [InlineData("""[{"verb":"sip:request","method":"INFO","headers":{"X-A":"a\r\nVia: x"}}]""", "$[0].headers.X-A")]
    [InlineData("""[{"verb":"sip:request","method":"INFO","headers":{"Content-Type":"json"}}]""", "$[0].headers.Content-Type")]
    [InlineData("""[{"verb":"sip:request","method":"INFO","body":{"a":1}}]""", "$[0].body")]
    public void SipRequest_ThatWouldBreakTheDialog_OrTheMessage_IsRefusedNamingTheField(string application, string field)
    {
        var refused = Assert.Throws<ValidationException>(() => Read(application));

        Assert.Equal(field, refused.Error.Field);
    }

    [Fact]
    public void SipRequest_BodyLongerThanADatagramTakes_IsRefused()
    {
        var body = new string('a', SipVerbReader.MaxBodyLength + 1);

        var refused = Assert.Throws<ValidationException>(() => Read($$"""[{"verb":"sip:request","method":"MESSAGE","body":"{{body}}"}]"""));

        Assert.Equal("$[0].body", refused.Error.Field);
    }

    [Fact]
    public void SipRefer_TakesItsTargetReferrerHeadersAndHooks()
    {
        var verb = Assert.IsType<ReferVerb>(Assert.Single(Read(
            """[{"verb":"sip:refer","referTo":"+15083084809","referredBy":"sip:agent@example.com","referredByDisplayName":"Alice","headers":{"X-Reason":"after hours"},"actionHook":"/action","eventHook":"/events"}]""")));

        Assert.Equal("+15083084809", verb.ReferTo);
        Assert.Equal("sip:agent@example.com", verb.ReferredBy);
        Assert.Equal("Alice", verb.ReferredByDisplayName);
        Assert.Equal([new("X-Reason", "after hours")], verb.Headers);
        Assert.Equal("https://app.example.com/action", verb.ActionHook);
        Assert.Equal("https://app.example.com/events", verb.EventHook);
    }

    [Theory]
    [InlineData("sip:sales@pbx.example.com")]
    [InlineData("<sip:sales@pbx.example.com;transport=tcp>")]
    [InlineData("\"Sales\" <sip:sales@pbx.example.com>")]
    [InlineData("tel:+15550199")]
    [InlineData("sales")]
    public void SipRefer_TakesEveryFormOfAddress(string referTo)
    {
        var verb = Assert.IsType<ReferVerb>(Assert.Single(Read($$"""[{"verb":"sip:refer","referTo":{{JsonSerializer.Serialize(referTo)}}}]""")));

        Assert.Equal(referTo, verb.ReferTo);
    }

    [Theory]
    [InlineData("""[{"verb":"sip:refer"}]""", "$[0].referTo")]
    [InlineData("""[{"verb":"sip:refer","referTo":""}]""", "$[0].referTo")]
    [InlineData("""[{"verb":"sip:refer","referTo":"sip:a@b>\r\nVia: x"}]""", "$[0].referTo")]
    [InlineData("""[{"verb":"sip:refer","referTo":"<sip:a@b"}]""", "$[0].referTo")]
    [InlineData("""[{"verb":"sip:refer","referTo":"two words"}]""", "$[0].referTo")]
    [InlineData("""[{"verb":"sip:refer","referTo":"+1555","referredBy":"<http://x>"}]""", "$[0].referredBy")]
    [InlineData("""[{"verb":"sip:refer","referTo":"+1555","headers":{"Referred-By":"x"}}]""", "$[0].headers.Referred-By")]
    [InlineData("""[{"verb":"sip:refer","referTo":"+1555","headers":{"Content-Type":"text/plain"}}]""", "$[0].headers.Content-Type")]
    public void SipRefer_WithABadAddressOrHeader_IsRefusedNamingTheField(string application, string field)
    {
        var refused = Assert.Throws<ValidationException>(() => Read(application));

        Assert.Equal(field, refused.Error.Field);
    }

    [Fact]
    public void LiveSipRequest_TakesMethodContentTypeContentAndHeaders()
    {
        var update = LiveCallUpdateReader.Read(Json(
            """{"sip_request":{"method":"info","content_type":"application/json","content":"{\"b\":2}","headers":{"X-Id":"7"}}}"""));

        var request = Assert.IsType<Switchboard.Calls.Engine.InDialogRequest>(update.SipRequest);
        Assert.Equal("INFO", request.Method);
        Assert.Equal("application/json", request.ContentType);
        Assert.Equal("{\"b\":2}", request.Body);
        Assert.Equal([new("X-Id", "7")], request.Headers);
    }

    [Theory]
    [InlineData("""{"sip_request":"INFO"}""", "sip_request")]
    [InlineData("""{"sip_request":{}}""", "sip_request.method")]
    [InlineData("""{"sip_request":{"method":"BYE"}}""", "sip_request.method")]
    [InlineData("""{"sip_request":{"method":"INFO","content_type":"x"}}""", "sip_request.content_type")]
    [InlineData("""{"sip_request":{"method":"INFO","headers":{"To":"x"}}}""", "sip_request.headers.To")]
    public void LiveSipRequest_Invalid_IsRefusedNamingTheField(string body, string field)
    {
        var refused = Assert.Throws<ValidationException>(() => LiveCallUpdateReader.Read(Json(body)));

        Assert.Equal(field, refused.Error.Field);
    }
}
