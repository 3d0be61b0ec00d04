using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Engine.Steps;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Tests.Engine.Steps;

/// <summary>
/// A gather that listens for speech, over a real media session: the caller's RTP is heard by the step's tap, cut into
/// an utterance by the endpointer, and handed to a scripted engine, whose answer ends the gather.
/// </summary>
public sealed class GatherSpeechTests
{
    private static readonly GatherVerb SpeechOnly = new(64, null, TimeSpan.FromSeconds(5), "https://app/gather")
    {
        AcceptsDigits = false,
        Speech = new RecognizerOptions(null, null, null) { Hints = ["sales", "support"] },
    };

    [Fact]
    public async Task AnUtterance_IsRecognised_WithTheHints_AndEndsTheGather()
    {
        await using var call = await StepHarness.StartAsync();
        var engine = new ScriptedRecognizer().Answer("sales");
        call.Recognizers = engine;
        var gather = new GatherStep(SpeechOnly, call.Scope());
        gather.Start();

        await SpeakUntilReportedAsync(call, gather, [.. CallerVoice.Silence(200), .. CallerVoice.Vowel(600), .. CallerVoice.Silence(1200)]);

        var result = Assert.IsType<GatherResult>(call.Runner.Reported);
        Assert.Equal(GatherEndReason.SpeechDetected, result.Reason);
        Assert.Equal("sales", result.Speech!.Transcript);
        var (utterance, request) = Assert.Single(engine.Heard);
        Assert.Equal("en-US", request.Language);
        Assert.Equal(["sales", "support"], request.Hints);
        // The vowel with a lead-in before it and a tail after it, not the whole second of silence that followed.
        Assert.InRange(utterance.Length, 600 * 8, (600 + 300 + 100 + 200 + 40) * 8);
    }

    [Fact]
    public async Task AnEngineThatFails_EndsTheGatherWithItsReason()
    {
        await using var call = await StepHarness.StartAsync();
        call.Recognizers = new ScriptedRecognizer().Fail("the key was refused");
        var gather = new GatherStep(SpeechOnly, call.Scope());
        gather.Start();

        await SpeakUntilReportedAsync(call, gather, [.. CallerVoice.Vowel(400), .. CallerVoice.Silence(1000)]);

        var result = Assert.IsType<GatherResult>(call.Runner.Reported);
        Assert.Equal((GatherEndReason.Error, "the key was refused"), (result.Reason, result.Error));
    }

    [Fact]
    public async Task AServerWithoutRecognizers_EndsTheGatherInError_NotInSilence()
    {
        await using var call = await StepHarness.StartAsync();
        var gather = new GatherStep(SpeechOnly, call.Scope());
        gather.Start();

        await SpeakUntilReportedAsync(call, gather, [.. CallerVoice.Vowel(400), .. CallerVoice.Silence(1000)]);

        var result = Assert.IsType<GatherResult>(call.Runner.Reported);
        Assert.Equal(GatherEndReason.Error, result.Reason);
        Assert.Contains("no speech recognizer", result.Error);
    }

    [Fact]
    public async Task Silence_IsATimeout_AndTheEngineIsNeverAsked()
    {
        await using var call = await StepHarness.StartAsync();
        var engine = new ScriptedRecognizer();
        call.Recognizers = engine;
        var gather = new GatherStep(SpeechOnly, call.Scope());
        gather.Start();

        await CallerVoice.SendAsync(call.FarEnd, call.Media.LocalPort, CallerVoice.Silence(300));
        call.Time.Advance(TimeSpan.FromSeconds(5));
        await call.RunUntilAsync(gather, () => call.Runner.Reported is not null);

        Assert.Equal(GatherEndReason.Timeout, Assert.IsType<GatherResult>(call.Runner.Reported).Reason);
        Assert.Empty(engine.Heard);
    }

    [Fact]
    public async Task AnUtteranceWithoutWords_IsNoAnswer_AndListeningGoesOn()
    {
        await using var call = await StepHarness.StartAsync();
        call.Recognizers = new ScriptedRecognizer().Answer("").Answer("support");
        var gather = new GatherStep(SpeechOnly, call.Scope());
        gather.Start();

        await SpeakUntilReportedAsync(call, gather, [.. CallerVoice.Vowel(300), .. CallerVoice.Silence(1200), .. CallerVoice.Vowel(500), .. CallerVoice.Silence(1200)]);

        Assert.Equal("support", Assert.IsType<GatherResult>(call.Runner.Reported).Speech!.Transcript);
    }

    [Fact]
    public async Task AKey_EndsListening_WhenDigitsAreInputToo()
    {
        await using var call = await StepHarness.StartAsync();
        var engine = new ScriptedRecognizer();
        call.Recognizers = engine;
        var gather = new GatherStep(SpeechOnly with { AcceptsDigits = true, MaxDigits = 1 }, call.Scope());
        gather.Start();

        gather.OnDigit('2');
        await CallerVoice.SendAsync(call.FarEnd, call.Media.LocalPort, [.. CallerVoice.Vowel(400), .. CallerVoice.Silence(1000)]);
        call.RunPending(gather);

        var result = Assert.IsType<GatherResult>(call.Runner.Reported);
        Assert.Equal(("2", GatherEndReason.MaxDigits), (result.Digits, result.Reason));
        Assert.Empty(engine.Heard);
    }

    [Fact]
    public async Task AfterAKey_SpeechNeitherAnswersNorHoldsOffTheInterDigitTimeout()
    {
        await using var call = await StepHarness.StartAsync();
        var engine = new ScriptedRecognizer();
        call.Recognizers = engine;
        var gather = new GatherStep(SpeechOnly with { AcceptsDigits = true, MaxDigits = 4 }, call.Scope());
        gather.Start();

        // The caller starts talking; the key comes while the tap's "speech started" is still on its way.
        await CallerVoice.SendAsync(call.FarEnd, call.Media.LocalPort, CallerVoice.Vowel(400));
        gather.OnDigit('2');
        await CallerVoice.SendAsync(call.FarEnd, call.Media.LocalPort, CallerVoice.Silence(1000));
        call.RunPending(gather);
        call.Time.Advance(TimeSpan.FromSeconds(5));
        await call.RunUntilAsync(gather, () => call.Runner.Reported is not null);

        var result = Assert.IsType<GatherResult>(call.Runner.Reported);
        Assert.Equal(("2", GatherEndReason.Timeout), (result.Digits, result.Reason));
        Assert.Empty(engine.Heard);
    }

    [Fact]
    public async Task SpeechOnlyGathers_KeepKeysForLater()
    {
        await using var call = await StepHarness.StartAsync();
        call.Recognizers = new ScriptedRecognizer();
        var gather = new GatherStep(SpeechOnly, call.Scope());
        gather.Start();

        gather.OnDigit('7');

        Assert.Null(call.Runner.Reported);
        Assert.Equal("7", call.Runner.TypeAhead.TakeAll());
    }

    [Fact]
    public async Task PartialResults_GoToTheirHook_WhileTheCallerSpeaks_ThenTheFinalEndsTheGather()
    {
        await using var call = await StepHarness.StartAsync();
        call.Recognizers = new ScriptedRecognizer().Answer("I would").Answer("I would like to pay");
        var gather = new GatherStep(SpeechOnly with { PartialResultHook = "https://app/partial" }, call.Scope());
        gather.Start();

        await SpeakUntilReportedAsync(call, gather, [.. CallerVoice.Vowel(1100), .. CallerVoice.Silence(1200)]);

        Assert.Equal([("https://app/partial", "I would", false)], call.Script.Transcripts);
        Assert.Equal("I would like to pay", Assert.IsType<GatherResult>(call.Runner.Reported).Speech!.Transcript);
    }

    [Fact]
    public async Task Transcribe_PostsEachUtterance_InOrder_AndGoesOnListening()
    {
        await using var call = await StepHarness.StartAsync();
        call.Recognizers = new ScriptedRecognizer().Answer("first").Fail("engine hiccup").Answer("third");
        var transcribe = new TranscribeStep(new TranscribeVerb("https://app/transcripts", RecognizerOptions.None), call.Scope());
        transcribe.Start();

        short[] three = [.. CallerVoice.Vowel(400), .. CallerVoice.Silence(1000), .. CallerVoice.Vowel(400), .. CallerVoice.Silence(1000), .. CallerVoice.Vowel(400), .. CallerVoice.Silence(1000)];
        var speaking = CallerVoice.SendAsync(call.FarEnd, call.Media.LocalPort, three);
        await call.RunUntilAsync(transcribe, () => call.Handled.Count(message => message is SpeechRecognized or SpeechFailed) == 3);
        await speaking;

        Assert.Equal([("https://app/transcripts", "first", true), ("https://app/transcripts", "third", true)], call.Script.Transcripts);
        Assert.Null(call.Runner.Reported);
        transcribe.Leave();
    }

    [Fact]
    public async Task ASpeechLimit_CutsACallerWhoKeepsTalking()
    {
        await using var call = await StepHarness.StartAsync();
        var engine = new ScriptedRecognizer().Answer("a long story");
        call.Recognizers = engine;
        var gather = new GatherStep(SpeechOnly with { SpeechLimit = TimeSpan.FromMilliseconds(500) }, call.Scope());
        gather.Start();

        await SpeakUntilReportedAsync(call, gather, [.. CallerVoice.Vowel(2500), .. CallerVoice.Silence(1000)]);

        Assert.True(Assert.Single(call.Handled.OfType<UtteranceHeard>()).Cut, "the utterance is cut at the gather's limit");
        Assert.Equal("a long story", Assert.IsType<GatherResult>(call.Runner.Reported).Speech!.Transcript);
        // Half a second of the vowel with its lead-in, far from the two and a half the caller spoke.
        Assert.True(Assert.Single(engine.Heard).Utterance.Length < 1500 * 8);
    }

    /// <summary>The caller says <paramref name="audio"/> while the loop runs the gather until it reports.</summary>
    private static async Task SpeakUntilReportedAsync(StepHarness call, GatherStep gather, short[] audio)
    {
        var speaking = CallerVoice.SendAsync(call.FarEnd, call.Media.LocalPort, audio);
        await call.RunUntilAsync(gather, () => call.Runner.Reported is not null);
        await speaking;
    }
}
