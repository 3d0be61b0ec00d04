using Switchboard.Calls.Verbs;
using System.Net;
using System.Text.Json;
using Switchboard.Api.Problems;
using Switchboard.Api.Tests.V1.Support;
using Switchboard.Api.V1.Applications;
using Switchboard.Api.V1.Calls;

namespace Switchboard.Api.Tests.V1.Applications;

public sealed class ApplicationRecognizerTests(V1Host host) : IClassFixture<V1Host>
{
    private const string Hook = "\"call_hook\":\"https://example.com/call\"";
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RecognizerFields_RoundTrip_AndAnUpdateKeepsWhatItDoesNotName()
    {
        var (_, key) = await host.NewAccountAsync();
        var sid = await host.CreateAsync("/v1/Applications", $$"""
            {"name":"bot",{{Hook}},"speech_recognizer_vendor":"PocketSphinx","speech_recognizer_language":"en-US","speech_recognizer_label":"office"}
            """, key);

        var application = (await host.GetJsonAsync($"/v1/Applications/{sid}", key)).Json;
        Assert.Equal(("pocketsphinx", "en-US", "office"), Recognizer(application));

        Assert.Equal(HttpStatusCode.NoContent, (await host.SendAsync(HttpMethod.Put, $"/v1/Applications/{sid}", key, """{"speech_recognizer_vendor":"openai"}""")).Status);
        Assert.Equal(("openai", "en-US", "office"), Recognizer((await host.GetJsonAsync($"/v1/Applications/{sid}", key)).Json));

        Assert.Equal(HttpStatusCode.NoContent, (await host.SendAsync(HttpMethod.Put, $"/v1/Applications/{sid}", key, """{"speech_recognizer_vendor":"default","speech_recognizer_label":null}""")).Status);
        Assert.Equal(("default", "en-US", null), Recognizer((await host.GetJsonAsync($"/v1/Applications/{sid}", key)).Json));
    }

    [Fact]
    public async Task WithoutRecognizerFields_TheyAreNull()
    {
        var (_, key) = await host.NewAccountAsync();
        var sid = await host.CreateAsync("/v1/Applications", $$"""{"name":"plain",{{Hook}}}""", key);

        Assert.Equal((null, null, null), Recognizer((await host.GetJsonAsync($"/v1/Applications/{sid}", key)).Json));
    }

    [Theory]
    [InlineData("""{"speech_recognizer_vendor":"google"}""", "speech_recognizer_vendor")]
    [InlineData("""{"speech_recognizer_vendor":7}""", "speech_recognizer_vendor")]
    [InlineData("""{"speech_recognizer_language":"english please"}""", "speech_recognizer_language")]
    [InlineData("""{"speech_recognizer_language":"e"}""", "speech_recognizer_language")]
    [InlineData("""{"speech_recognizer_language":"en_US"}""", "speech_recognizer_language")]
    [InlineData("""{"speech_recognizer_label":""}""", "speech_recognizer_label")]
    public async Task BadRecognizerFields_Are400NamingTheField(string change, string field)
    {
        var (_, key) = await host.NewAccountAsync();
        var sid = await host.CreateAsync("/v1/Applications", $$"""{"name":"bot",{{Hook}}}""", key);

        V1Host.AssertProblem(await host.SendAsync(HttpMethod.Put, $"/v1/Applications/{sid}", key, change), HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public void UnknownVendor_NamesTheKnownOnes()
    {
        var error = Assert.Throws<ValidationException>(() => ApplicationReader.Read(
            JsonDocument.Parse($$"""{"name":"n",{{Hook}},"speech_recognizer_vendor":"deepgram"}""").RootElement, ApplicationReader.Blank("acc", Now), creating: true)).Error;

        Assert.Equal("speech_recognizer_vendor", error.Field);
        Assert.Equal("must be one of pocketsphinx, openai, default", error.Message);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("es-419")]
    [InlineData("zh-Hant-TW")]
    public void LanguageTags_LikeBcp47_AreAccepted(string language)
    {
        var application = ApplicationReader.Read(
            JsonDocument.Parse($$"""{"name":"n",{{Hook}},"speech_recognizer_language":"{{language}}"}""").RootElement, ApplicationReader.Blank("acc", Now), creating: true);

        Assert.Equal(language, application.SpeechRecognizerLanguage);
    }

    [Fact]
    public void RecognizerOf_GivesTheDefaults_OrNoneWhenThereAreNone()
    {
        var blank = ApplicationReader.Blank("acc", Now);

        Assert.Equal(RecognizerOptions.None, ApplicationSpeech.RecognizerOf(null));
        Assert.Equal(RecognizerOptions.None, ApplicationSpeech.RecognizerOf(blank));
        Assert.Equal(RecognizerOptions.None, ApplicationSpeech.RecognizerOf(blank with { SpeechRecognizerVendor = "default" }));
        Assert.Equal(new RecognizerOptions("openai", null, "office"), ApplicationSpeech.RecognizerOf(blank with { SpeechRecognizerVendor = "openai", SpeechRecognizerLabel = "office" }));
        Assert.Equal(new RecognizerOptions(null, "de-DE", null), ApplicationSpeech.RecognizerOf(blank with { SpeechRecognizerLanguage = "de-DE" }));
    }

    private static (string?, string?, string?) Recognizer(JsonElement application) => (
        application.GetProperty("speech_recognizer_vendor").GetString(),
        application.GetProperty("speech_recognizer_language").GetString(),
        application.GetProperty("speech_recognizer_label").GetString());
}
