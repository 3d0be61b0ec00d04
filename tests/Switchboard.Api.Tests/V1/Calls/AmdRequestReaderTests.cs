using System.Text.Json;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.Calls;
using Switchboard.Media.Amd;

namespace Switchboard.Api.Tests.V1.Calls;

public sealed class AmdRequestReaderTests
{
    private static AmdRequest? Read(string body) => AmdRequestReader.Read(JsonDocument.Parse(body).RootElement, "amd");

    [Fact]
    public void Amd_MapsJambonzWordCountAndTimers_OntoTheDetector()
    {
        var amd = Read("""
            {"amd": {"actionHook": {"url": "https://app.example.com/amd", "method": "GET"}, "thresholdWordCount": 6,
                     "recognizer": {"vendor": "google", "language": "en-US"}, "digitCount": 2,
                     "timers": {"noSpeechTimeoutMs": 4000, "decisionTimeoutMs": 9000, "toneTimeoutMs": 25000, "greetingCompletionTimeoutMs": 1500}}}
            """);

        Assert.NotNull(amd);
        Assert.Equal("https://app.example.com/amd", amd.ActionHook.Url);
        Assert.Equal("GET", amd.ActionHook.Method);
        Assert.Equal(AmdOptions.Default with
        {
            ThresholdWordCount = 6,
            NoSpeechTimeout = TimeSpan.FromSeconds(4),
            DecisionTimeout = TimeSpan.FromSeconds(9),
            ToneTimeout = TimeSpan.FromSeconds(25),
            GreetingCompletionTimeout = TimeSpan.FromSeconds(1.5),
        }, amd.Options);
    }

    [Fact]
    public void Amd_WithARecognizerThisServerHas_RecognisesTheGreeting_AndOneItLacks_GoesByCadence()
    {
        var openAi = Read("""{"amd": {"actionHook": "https://a.example/amd", "recognizer": {"vendor": "openai", "label": "whisper", "language": "en-GB"}}}""");
        var google = Read("""{"amd": {"actionHook": "https://a.example/amd", "recognizer": {"vendor": "google", "language": "en-US"}}}""");

        Assert.Equal(("openai", "whisper", "en-GB"), (openAi!.Recognizer!.Vendor, openAi.Recognizer.Label, openAi.Recognizer.Language));
        Assert.Null(google!.Recognizer);
    }

    [Fact]
    public void Amd_WithOnlyAHook_KeepsTheDetectorsDefaults()
    {
        var amd = Read("""{"amd": {"actionHook": "https://app.example.com/amd"}}""");

        Assert.Equal(AmdOptions.Default, amd!.Options);
        Assert.Null(Read("{}"));
    }

    [Theory]
    [InlineData("""{"amd": {}}""", "amd.actionHook")]
    [InlineData("""{"amd": "yes"}""", "amd")]
    [InlineData("""{"amd": {"actionHook": "https://a.example/amd", "thresholdWordCount": 0}}""", "amd.thresholdWordCount")]
    [InlineData("""{"amd": {"actionHook": "https://a.example/amd", "thresholdWordCount": 2.5}}""", "amd.thresholdWordCount")]
    [InlineData("""{"amd": {"actionHook": "https://a.example/amd", "timers": []}}""", "amd.timers")]
    [InlineData("""{"amd": {"actionHook": "https://a.example/amd", "timers": {"noSpeechTimeoutMs": 5}}}""", "amd.timers.noSpeechTimeoutMs")]
    [InlineData("""{"amd": {"actionHook": "https://a.example/amd", "timers": {"decisionTimeoutMs": 999999}}}""", "amd.timers.decisionTimeoutMs")]
    [InlineData("""{"amd": {"actionHook": "https://a.example/amd", "timers": {"toneTimeoutMs": "soon"}}}""", "amd.timers.toneTimeoutMs")]
    [InlineData("""{"amd": {"actionHook": "https://a.example/amd", "timers": {"greetingCompletionTimeoutMs": -1}}}""", "amd.timers.greetingCompletionTimeoutMs")]
    [InlineData("""{"amd": {"actionHook": "https://a.example/amd", "timers": {"noSpeechTimeoutMs": 8000, "decisionTimeoutMs": 6000}}}""", "amd.timers.noSpeechTimeoutMs")]
    public void Amd_WithABadValue_NamesTheField(string body, string field)
    {
        var invalid = Assert.Throws<ValidationException>(() => Read(body));

        Assert.Equal(field, invalid.Error.Field);
    }

    [Fact]
    public void Events_CarryJambonzTypeNames_AndReasonsOnlyForDecisions()
    {
        Assert.Equal(
            ["amd_human_detected", "amd_machine_detected", "amd_no_speech_detected", "amd_decision_timeout", "amd_machine_stopped_speaking", "amd_tone_detected"],
            Enum.GetValues<AmdEventKind>().Select(AmdEventPayload.TypeOf));
        Assert.Equal("short greeting", AmdEventPayload.ReasonOf(AmdReason.ShortGreeting));
        Assert.Equal("long greeting", AmdEventPayload.ReasonOf(AmdReason.WordCount));
        Assert.Equal("long greeting", AmdEventPayload.ReasonOf(AmdReason.LongGreeting));
        Assert.Null(AmdEventPayload.ReasonOf(AmdReason.None));
    }
}
