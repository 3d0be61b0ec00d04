using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Media.Speech;

namespace Switchboard.Media.Tests.Speech;

public sealed class EspeakVoiceTests
{
    [Theory]
    [InlineData("en-US", "en-us")]
    [InlineData("en", "en-us")]
    [InlineData("EN_gb", "en-gb")]
    [InlineData("en-AU", "en-gb")]
    [InlineData("de-DE", "de")]
    [InlineData("de-AT", "de")]
    [InlineData("fr-CA", "fr")]
    [InlineData("fr-BE", "fr-be")]
    [InlineData("es-MX", "es-419")]
    [InlineData("es-419", "es-419")]
    [InlineData("pt-BR", "pt-br")]
    [InlineData("pt-PT", "pt")]
    [InlineData("zh-CN", "cmn")]
    [InlineData("zh-Hans-CN", "cmn")]
    [InlineData("zh-HK", "yue")]
    [InlineData("no-NO", "nb")]
    [InlineData("iw-IL", "he")]
    [InlineData("ja-JP", "ja")]
    [InlineData("sw-KE", "sw")]
    public void Language_MapsBcp47ToEspeak(string tag, string expected)
    {
        Assert.True(EspeakVoice.TryLanguage(tag, out var language));
        Assert.Equal(expected, language);
    }

    [Theory]
    [InlineData("xx-YY")]
    [InlineData("tlh")]
    [InlineData("")]
    [InlineData(null)]
    public void UnknownLanguages_AreReported_AndFallBackToAmericanEnglish(string? tag)
    {
        Assert.False(EspeakVoice.TryLanguage(tag, out _));
        Assert.Equal(EspeakVoice.Default, EspeakVoice.Language(tag));
    }

    [Theory]
    [InlineData("female", "+f3")]
    [InlineData("FEMALE", "+f3")]
    [InlineData("m", "+m3")]
    [InlineData("neutral", "")]
    [InlineData(null, "")]
    public void Gender_IsAVariant(string? gender, string expected) => Assert.Equal(expected, EspeakVoice.Variant(gender));

    [Theory]
    [InlineData(null, null, "en-us+Alicia", "en-us+Alicia")]
    [InlineData("de-DE", "female", "Polly.Marlene", "de+f3")]
    [InlineData("zh-CN", "male", null, "cmn+m3")]
    public void Voice_IsUsedWhenItIsAnEspeakName_OtherwiseLanguageAndGender(string? language, string? gender, string? voice, string expected) =>
        Assert.Equal(expected, EspeakVoice.For(new SpeechRequest("x", language, gender, voice)));

    [Theory]
    [InlineData("en-US")]
    [InlineData("en-AU")]
    [InlineData("de-DE")]
    [InlineData("fr-CA")]
    [InlineData("es-MX")]
    [InlineData("pt-BR")]
    [InlineData("zh-CN")]
    [InlineData("zh-HK")]
    [InlineData("no-NO")]
    [InlineData("iw-IL")]
    [InlineData("ja-JP")]
    public async Task EveryMappedVoice_IsOneEspeakNgAccepts(string tag)
    {
        var directory = Path.Combine(Path.GetTempPath(), "switchboard-voices-" + Guid.NewGuid().ToString("N"));
        try
        {
            var synthesizer = new EspeakSpeechSynthesizer(new EspeakOptions(directory), NullLogger<EspeakSpeechSynthesizer>.Instance);

            var clip = await synthesizer.SynthesizeAsync(new SpeechRequest("1 2 3", tag, "female", null), CancellationToken.None);

            Assert.True(clip.Duration > TimeSpan.FromMilliseconds(300), $"{tag}: {clip.Duration}");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
