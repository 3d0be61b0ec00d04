using System.Text.Json;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.Calls;
using Switchboard.Calls.Verbs;
using Switchboard.Storage.Applications;

namespace Switchboard.Api.Tests.V1.Calls;

/// <summary>
/// jambonz <c>config</c>'s background sections as the reader takes them: <c>bargeIn</c>, <c>transcribe</c> and
/// <c>amd</c> turned on (with their hooks resolved against the application) or off, and malformed ones refused by name.
/// </summary>
public sealed class ConfigVerbReaderTests
{
    private readonly Dictionary<string, WebhookTarget> _hooks = [];

    [Fact]
    public void BargeIn_WithDigits_IsAGatherWithoutTimeout_ThatTakesKeys()
    {
        var config = Read("""
            {"verb": "config", "bargeIn": {"enable": true, "sticky": true, "input": ["digits"], "actionHook": "/barge", "numDigits": 2, "interDigitTimeout": 3}}
            """);

        var bargeIn = config.BargeIn!;
        var gather = bargeIn.Gather!;
        Assert.True(bargeIn.Sticky);
        Assert.Equal(("https://app.example.com/barge", 2, 2), (gather.ActionHook, gather.MinDigits, gather.MaxDigits));
        Assert.Equal((Timeout.InfiniteTimeSpan, TimeSpan.FromSeconds(3)), (gather.Timeout, gather.InterDigitTimeout));
        Assert.True(gather.AcceptsDigits);
        Assert.Null(gather.Speech);
        Assert.Contains("https://app.example.com/barge", _hooks.Keys);
    }

    [Fact]
    public void BargeIn_WithoutInput_ListensForSpeech_AsJambonzDoes()
    {
        var bargeIn = Read("""{"verb": "config", "bargeIn": {"enable": true, "minBargeinWordCount": 2, "actionHook": "/barge"}}""").BargeIn!;

        Assert.False(bargeIn.Gather!.AcceptsDigits);
        Assert.NotNull(bargeIn.Gather.Speech);
        Assert.Equal((false, 2), (bargeIn.Sticky, bargeIn.MinWordCount));
    }

    [Fact]
    public void BargeIn_EnableFalse_TurnsItOff_AndWithoutEnable_LeavesItAsItIs()
    {
        Assert.Null(Read("""{"verb": "config", "bargeIn": {"enable": false}}""").BargeIn!.Gather);
        Assert.Null(Read("""{"verb": "config", "bargeIn": {"sticky": true}}""").BargeIn);
    }

    [Fact]
    public void Transcribe_StartsWithItsHook_AndEnableFalseStopsIt()
    {
        var on = Read("""{"verb": "config", "transcribe": {"enable": true, "transcriptionHook": "/transcripts", "recognizer": {"language": "de-DE"}}}""").Transcribe!;
        var off = Read("""{"verb": "config", "transcribe": {"enable": false}}""").Transcribe!;

        Assert.Equal(("https://app.example.com/transcripts", "de-DE"), (on.Transcribe!.TranscriptionHook, on.Transcribe.Recognizer.Language));
        Assert.Null(off.Transcribe);
    }

    [Fact]
    public void Amd_IsTheSameObjectAsAPlacedCalls_WithItsHookResolved()
    {
        var config = Read("""{"verb": "config", "amd": {"actionHook": "/amd", "thresholdWordCount": 5, "timers": {"noSpeechTimeoutMs": 4000}}}""");

        var amd = config.Amd!;
        Assert.Equal("https://app.example.com/amd", amd.ActionHook);
        Assert.Equal((5, TimeSpan.FromSeconds(4)), (amd.Options.ThresholdWordCount, amd.Options.NoSpeechTimeout));
        Assert.True(config.StartsListening);
    }

    [Fact]
    public void AConfigOfSpeechSettingsOnly_NeedsNoAnswer()
    {
        var config = Read("""{"verb": "config", "synthesizer": {"language": "de-DE"}, "bargeIn": {"enable": false}}""");

        Assert.False(config.StartsListening);
    }

    [Fact]
    public void ReferHook_IsResolvedLikeAnActionHook()
    {
        Assert.Equal("https://app.example.com/refer", Read("""{"verb": "config", "referHook": "/refer"}""").ReferHook);
    }

    [Theory]
    [InlineData("startCallRecording", CallRecordingAction.Start)]
    [InlineData("stopCallRecording", CallRecordingAction.Stop)]
    [InlineData("pauseCallRecording", CallRecordingAction.Pause)]
    [InlineData("resumeCallRecording", CallRecordingAction.Resume)]
    public void Record_OfTypeCloud_ControlsTheCallsOwnRecording_WithoutNeedingTheAnswer(string action, CallRecordingAction expected)
    {
        var config = Read($$$"""{"verb": "config", "record": {"action": "{{{action}}}", "type": "cloud"}}""");

        Assert.Equal(expected, config.Record);
        Assert.False(config.StartsListening);
    }

    [Theory]
    [InlineData("""{"verb": "config", "record": {"action": "startCallRecording", "type": "tape"}}""", "$[0].record.type")]
    [InlineData("""{"verb": "config", "record": {"action": "rewind", "type": "cloud"}}""", "$[0].record.action")]
    [InlineData("""{"verb": "config", "record": {"type": "cloud"}}""", "$[0].record.action")]
    [InlineData("""{"verb": "config", "record": true}""", "$[0].record")]
    [InlineData("""{"verb": "config", "bargeIn": "yes"}""", "$[0].bargeIn")]
    [InlineData("""{"verb": "config", "bargeIn": {"enable": true, "minBargeinWordCount": 0}}""", "$[0].bargeIn.minBargeinWordCount")]
    [InlineData("""{"verb": "config", "bargeIn": {"enable": true, "input": ["keys"]}}""", "$[0].bargeIn.input")]
    [InlineData("""{"verb": "config", "transcribe": {"enable": true}}""", "$[0].transcribe.transcriptionHook")]
    [InlineData("""{"verb": "config", "amd": {"thresholdWordCount": 5}}""", "$[0].amd.actionHook")]
    public void AMalformedSection_IsRefusedByName(string verb, string field)
    {
        var refused = Assert.Throws<ValidationException>(() => Read(verb));

        Assert.Equal(field, refused.Error.Field);
    }

    private ConfigVerb Read(string verb) =>
        Assert.IsType<ConfigVerb>(Assert.Single(new JambonzVerbReader(new Uri("https://app.example.com/call"), _hooks)
            .ReadAll(JsonDocument.Parse($"[{verb}]").RootElement, "$")));
}
