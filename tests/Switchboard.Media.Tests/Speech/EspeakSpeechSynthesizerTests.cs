using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Media.Speech;

namespace Switchboard.Media.Tests.Speech;

public sealed class EspeakSpeechSynthesizerTests : IDisposable
{
    private readonly string _cacheDirectory = Path.Combine(Path.GetTempPath(), "switchboard-tts-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task HelloWorld_IsAudibleSpeechOfPlausibleLength_AndTheSecondCallHitsTheCache()
    {
        var synthesizer = Create();
        var request = new SpeechRequest("hello world", "en-US", "female", null);

        var clip = await synthesizer.SynthesizeAsync(request, CancellationToken.None);
        var again = await synthesizer.SynthesizeAsync(request, CancellationToken.None);

        Assert.InRange(clip.Duration, TimeSpan.FromSeconds(0.4), TimeSpan.FromSeconds(3));
        var samples = clip.Samples.ToArray();
        Assert.True(Rms(samples) > 500, $"RMS {Rms(samples)} is too quiet for speech");
        Assert.Same(clip, again);
        Assert.Equal(1, synthesizer.SynthesisCount);
    }

    [Fact]
    public async Task ANewSynthesizer_ReusesTheCacheFile()
    {
        var request = new SpeechRequest("cache me", "en-GB", null, null);
        var first = await Create().SynthesizeAsync(request, CancellationToken.None);

        var restarted = Create();
        var second = await restarted.SynthesizeAsync(request, CancellationToken.None);

        Assert.Equal(0, restarted.SynthesisCount);
        Assert.Equal(first.Samples.ToArray(), second.Samples.ToArray());
        Assert.Single(Directory.GetFiles(_cacheDirectory, "*.pcm"));
    }

    [Fact]
    public async Task ConcurrentRequestsForOnePrompt_ShareOneSynthesis()
    {
        var synthesizer = Create();
        var request = new SpeechRequest("one two three", "de-DE", "male", null);

        var clips = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(_ => synthesizer.SynthesizeAsync(request, CancellationToken.None).AsTask()));

        Assert.Equal(1, synthesizer.SynthesisCount);
        Assert.All(clips, c => Assert.Same(clips[0], c));
    }

    [Fact]
    public async Task MissingExecutable_IsATypedFailure()
    {
        var synthesizer = new EspeakSpeechSynthesizer(
            new EspeakOptions(_cacheDirectory, "/nonexistent/espeak-ng"), NullLogger<EspeakSpeechSynthesizer>.Instance);

        var error = await Assert.ThrowsAsync<SpeechSynthesisException>(
            () => synthesizer.SynthesizeAsync(new SpeechRequest("hi", null, null, null), CancellationToken.None).AsTask());
        Assert.Contains("/nonexistent/espeak-ng", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownVoice_IsATypedFailure()
    {
        var synthesizer = Create();

        await Assert.ThrowsAsync<SpeechSynthesisException>(
            () => synthesizer.SynthesizeAsync(new SpeechRequest("hi", null, null, "zz-nope"), CancellationToken.None).AsTask());
    }

    [Theory]
    [InlineData("en-US", null, null, "en-us")]
    [InlineData("en-GB", "female", null, "en-gb+f3")]
    [InlineData("de-DE", "male", null, "de+m3")]
    [InlineData("fr-FR", null, null, "fr")]
    [InlineData("es-ES", null, null, "es")]
    [InlineData("el-GR", null, null, "el")]
    [InlineData("xx-YY", null, null, "en-us")]
    [InlineData(null, null, "Polly.Joanna", "en-us")]
    [InlineData(null, null, "en-gb+f2", "en-gb+f2")]
    public void Voice_MapsLanguageGenderAndEspeakNames(string? language, string? gender, string? voice, string expected) =>
        Assert.Equal(expected, EspeakVoice.For(new SpeechRequest("x", language, gender, voice)));

    public void Dispose()
    {
        if (Directory.Exists(_cacheDirectory))
        {
            Directory.Delete(_cacheDirectory, recursive: true);
        }
    }

    private EspeakSpeechSynthesizer Create() =>
        new(new EspeakOptions(_cacheDirectory), NullLogger<EspeakSpeechSynthesizer>.Instance);

    private static double Rms(short[] samples) => Math.Sqrt(samples.Average(s => (double)s * s));
}
