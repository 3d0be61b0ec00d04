using System.Text.Json;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.SpeechCredentials;

namespace Switchboard.Api.Tests.V1.SpeechCredentials;

public sealed class SpeechCredentialReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    [Fact]
    public void Create_ReadsEveryField_AndUseForSttDefaultsToTrue()
    {
        var credential = SpeechCredentialReader.Read(
            Json("""{"vendor":"openai","label":"lab","api_key":"k","base_url":"https://w.example.com/root/","model":"m"}"""),
            SpeechCredentialReader.Blank("acc", Now),
            creating: true);

        Assert.Equal(("openai", "lab", "k", "https://w.example.com/root", "m", true), (
            credential.Vendor, credential.Label, credential.ApiKey, credential.BaseUrl, credential.Model, credential.UseForStt));
        Assert.Equal(("acc", Now), (credential.AccountSid, credential.CreatedAt));
    }

    [Fact]
    public void Update_KeepsAbsentFields_ClearsNullOnes_AndANullBaseUrlGoesBackToTheDefault()
    {
        var current = SpeechCredentialReader.Read(
            Json("""{"vendor":"openai","label":"lab","api_key":"k","base_url":"http://10.1.1.1:9000","model":"m"}"""),
            SpeechCredentialReader.Blank("acc", Now),
            creating: true);

        Assert.Equal(current, SpeechCredentialReader.Read(Json("{}"), current, creating: false));
        var updated = SpeechCredentialReader.Read(Json("""{"api_key":null,"label":null,"base_url":null,"use_for_stt":0}"""), current, creating: false);

        Assert.Equal((null, null, "https://api.openai.com", "m", false), (updated.ApiKey, updated.Label, updated.BaseUrl, updated.Model, updated.UseForStt));
    }

    [Fact]
    public void ChangingToOpenAi_FillsItsDefaults_AndPocketsphinxKeepsNone()
    {
        var pocketsphinx = SpeechCredentialReader.Read(Json("""{"vendor":"pocketsphinx"}"""), SpeechCredentialReader.Blank("acc", Now), creating: true);
        Assert.Equal((null, null), (pocketsphinx.BaseUrl, pocketsphinx.Model));

        var openAi = SpeechCredentialReader.Read(Json("""{"vendor":"openai"}"""), pocketsphinx, creating: false);

        Assert.Equal(("https://api.openai.com", "whisper-1"), (openAi.BaseUrl, openAi.Model));
    }

    [Theory]
    [InlineData("""{}""", "vendor")]
    [InlineData("""{"vendor":null}""", "vendor")]
    [InlineData("""{"vendor":"azure"}""", "vendor")]
    [InlineData("""{"vendor":"openai","label":""}""", "label")]
    [InlineData("""{"vendor":"openai","api_key":5}""", "api_key")]
    [InlineData("""{"vendor":"openai","model":"a\u0001b"}""", "model")]
    [InlineData("""{"vendor":"openai","use_for_stt":"yes"}""", "use_for_stt")]
    [InlineData("""{"vendor":"openai","base_url":"mailto:a@example.com"}""", "base_url")]
    [InlineData("""{"vendor":"openai","base_url":"https://example.com/#x"}""", "base_url")]
    public void BadFields_NameTheField(string body, string field)
    {
        var error = Assert.Throws<ValidationException>(() => SpeechCredentialReader.Read(Json(body), SpeechCredentialReader.Blank("acc", Now), creating: true)).Error;

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void AnUnknownVendor_ListsTheKnownOnes()
    {
        var error = Assert.Throws<ValidationException>(() => SpeechCredentialReader.Read(Json("""{"vendor":"google"}"""), SpeechCredentialReader.Blank("acc", Now), creating: true)).Error;

        Assert.Equal("must be one of openai, pocketsphinx", error.Message);
    }
}
