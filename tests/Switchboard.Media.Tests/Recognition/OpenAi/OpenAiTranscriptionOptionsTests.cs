using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Media.Recognition.OpenAi;

namespace Switchboard.Media.Tests.Recognition.OpenAi;

public sealed class OpenAiTranscriptionOptionsTests
{
    [Fact]
    public void TheDefaults_AreOpenAisWhisper_WithoutAKey_AndATenSecondTimeout()
    {
        var options = new OpenAiTranscriptionOptions();

        Assert.Equal(new Uri("https://api.openai.com"), options.BaseUrl);
        Assert.Null(options.ApiKey);
        Assert.Equal("whisper-1", options.Model);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Timeout);
        Assert.Equal("openai", options.Vendor);
        Assert.Equal(1024 * 1024, options.MaxAnswerBytes);
    }

    [Fact]
    public void TheRecognizer_TakesItsVendorAndEndpointFromTheOptions()
    {
        using var http = new HttpClient();

        var recognizer = Create(http, new OpenAiTranscriptionOptions { Vendor = "whisper-lan", BaseUrl = new Uri("http://10.0.0.5:8000/") });

        Assert.Equal("whisper-lan", recognizer.Vendor);
        Assert.Equal(new Uri("http://10.0.0.5:8000/v1/audio/transcriptions"), recognizer.Endpoint);
    }

    public static TheoryData<OpenAiTranscriptionOptions> Unusable() =>
    [
        new() { BaseUrl = new Uri("ftp://whisper.local/") },
        new() { BaseUrl = new Uri("/v1", UriKind.Relative) },
        new() { Model = " " },
        new() { Vendor = "" },
        new() { Timeout = TimeSpan.Zero },
        new() { MaxAnswerBytes = 0 },
    ];

    [Theory]
    [MemberData(nameof(Unusable))]
    public void UnusableOptions_AreRefusedWhenTheRecognizerIsBuilt(OpenAiTranscriptionOptions options)
    {
        using var http = new HttpClient();

        Assert.ThrowsAny<ArgumentException>(() => Create(http, options));
    }

    private static OpenAiTranscriptionRecognizer Create(HttpClient http, OpenAiTranscriptionOptions options) =>
        new(http, options, TimeProvider.System, NullLogger<OpenAiTranscriptionRecognizer>.Instance);
}
