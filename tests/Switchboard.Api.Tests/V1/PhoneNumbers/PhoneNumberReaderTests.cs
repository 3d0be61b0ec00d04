using System.Text.Json;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.PhoneNumbers;
using Switchboard.Storage.PhoneNumbers;

namespace Switchboard.Api.Tests.V1.PhoneNumbers;

public sealed class PhoneNumberReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    private static PhoneNumberRecord Create(string body) => PhoneNumberReader.Read(Json(body), PhoneNumberReader.Blank("acc", Now), creating: true);

    [Theory]
    [InlineData("https://example.com/events", "https://example.com/events")]
    [InlineData("http://192.0.2.7:8080/voice?app=1", "http://192.0.2.7:8080/voice?app=1")]
    [InlineData("HTTPS://Example.com", "https://example.com/")]
    public void ACallbackUrl_IsAnAbsoluteHttpUrl(string url, string stored)
    {
        var number = Create($$"""{"number":"+15550100","callback_url":"{{url}}"}""");

        Assert.Equal(stored, number.CallbackUrl);
        Assert.Null(number.ApplicationSid);
    }

    [Theory]
    [InlineData("\"ftp://example.com/events\"")]
    [InlineData("\"not a url\"")]
    [InlineData("\"/events\"")]
    [InlineData("\"https://user:secret@example.com/events\"")]
    [InlineData("\"\"")]
    [InlineData("42")]
    [InlineData("{\"url\":\"https://example.com\"}")]
    public void AnythingElse_IsRefusedNamingCallbackUrl(string value)
    {
        var invalid = Assert.Throws<ValidationException>(() => Create($$"""{"number":"+15550100","callback_url":{{value}}}"""));

        Assert.Equal("callback_url", invalid.Error.Field);
    }

    [Fact]
    public void ANumber_MayNotHaveBothAnApplicationAndACallbackUrl()
    {
        var invalid = Assert.Throws<ValidationException>(() => Create("""{"number":"1","application_sid":"app","callback_url":"https://example.com/e"}"""));

        Assert.Equal("callback_url", invalid.Error.Field);
        Assert.Equal("a number is answered by an application or by a callback URL, not both", invalid.Error.Message);
    }

    [Fact]
    public void AnUpdate_SettingOneWithoutClearingTheOther_IsRefused()
    {
        var withApplication = Create("""{"number":"1","application_sid":"app"}""");

        var invalid = Assert.Throws<ValidationException>(() => PhoneNumberReader.Read(Json("""{"callback_url":"https://example.com/e"}"""), withApplication, creating: false));

        Assert.Equal("callback_url", invalid.Error.Field);
    }

    [Fact]
    public void AnUpdate_SwitchesBetweenApplicationAndCallbackUrl_WhenItClearsTheOther()
    {
        var withApplication = Create("""{"number":"1","application_sid":"app","voip_carrier_sid":"trunk"}""");

        var withCallback = PhoneNumberReader.Read(Json("""{"application_sid":null,"callback_url":"https://example.com/e"}"""), withApplication, creating: false);
        var back = PhoneNumberReader.Read(Json("""{"application_sid":"app2","callback_url":null}"""), withCallback, creating: false);

        Assert.Equal((null, "https://example.com/e", "trunk"), (withCallback.ApplicationSid, withCallback.CallbackUrl, withCallback.VoipCarrierSid));
        Assert.Equal(("app2", null, "trunk"), (back.ApplicationSid, back.CallbackUrl, back.VoipCarrierSid));
    }

    [Fact]
    public void AnUpdate_WithoutCallbackUrl_KeepsIt()
    {
        var withCallback = Create("""{"number":"1","callback_url":"https://example.com/e"}""");

        var moved = PhoneNumberReader.Read(Json("""{"number":"2"}"""), withCallback, creating: false);

        Assert.Equal(("2", "https://example.com/e"), (moved.Number, moved.CallbackUrl));
    }
}
