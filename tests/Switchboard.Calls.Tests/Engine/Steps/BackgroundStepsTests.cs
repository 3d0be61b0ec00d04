using System.Text.Json;
using Switchboard.Calls.Engine;
using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Engine.Steps;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Audio;
using Switchboard.Media.Amd;

namespace Switchboard.Calls.Tests.Engine.Steps;

/// <summary>
/// <c>config</c>'s background verbs over the runner and real steps, without a SIP call: a barge-in gather that stops
/// the prompt playing and whose answer replaces the verbs left, a transcription that posts while other verbs run,
/// and answering-machine detection asked of the call.
/// </summary>
public sealed class BackgroundStepsTests
{
    private const string BargeInHook = "https://app/barge";

    private static readonly GatherVerb OneKey = new(1, '#', TimeSpan.FromSeconds(5), "https://app/gather");

    private static readonly GatherVerb BackgroundKey = new(1, null, Timeout.InfiniteTimeSpan, BargeInHook);

    [Fact]
    public async Task AKeyDuringASay_StopsIt_PostsTheDigits_AndTheAnswerReplacesTheVerbsLeft()
    {
        await using var call = await StepHarness.StartAsync();
        call.Prompts.Clip = new AudioClip(new short[8000 * 10]);
        call.Script.StartVerbs = [BargeIn(sticky: false), Say(), new PauseVerb(TimeSpan.FromMinutes(1)), Tag("""{"from":"start"}""")];
        call.Script.Reply = result => result is GatherResult { Gather.ActionHook: BargeInHook } ? [Tag("""{"from":"answer"}""")] : null;
        var runner = new VerbRunner(call.Services, SpeechDefaults.None);

        runner.Start();
        await call.RunUntilAsync(runner, () => call.Handled.Any(message => message is PromptReady));
        runner.OnDigit('5');
        await call.RunUntilAsync(runner, () => call.Ended.Count > 0);

        var gathered = Assert.IsType<GatherResult>(Assert.Single(call.Script.Results));
        Assert.Equal(("5", GatherEndReason.MaxDigits, BargeInHook), (gathered.Digits, gathered.Reason, gathered.Gather.ActionHook));
        // The minute's pause did not run to its end: the answer replaced it and the call ended on the manual clock's time zero.
        Assert.Equal("answer", call.Tag!.Value.GetProperty("from").GetString());
        Assert.Equal(["script ended"], call.Ended);
    }

    [Fact]
    public async Task AKeyWhileAGatherRuns_IsThatGathers_NotTheBargeIns()
    {
        await using var call = await StepHarness.StartAsync();
        call.Script.StartVerbs = [BargeIn(sticky: false), OneKey];
        var runner = new VerbRunner(call.Services, SpeechDefaults.None);

        runner.Start();
        await call.RunUntilAsync(runner, () => call.Handled.Count(message => message is ScriptReplied) == 1);
        runner.OnDigit('7');
        await call.RunUntilAsync(runner, () => call.Ended.Count > 0);

        var gathered = Assert.IsType<GatherResult>(Assert.Single(call.Script.Results));
        Assert.Same(OneKey, gathered.Gather);
        Assert.Equal("7", gathered.Digits);
    }

    [Fact]
    public async Task ASticky_BargeIn_FiresAgain_AndOneThatIsNot_FiresOnce()
    {
        foreach (var sticky in new[] { true, false })
        {
            await using var call = await StepHarness.StartAsync();
            call.Script.StartVerbs = [BargeIn(sticky), new PauseVerb(TimeSpan.FromMinutes(1))];
            var runner = new VerbRunner(call.Services, SpeechDefaults.None);

            runner.Start();
            await call.RunUntilAsync(runner, () => call.Handled.Count(message => message is ScriptReplied) == 1);
            runner.OnDigit('1');
            await call.RunUntilAsync(runner, () => call.Handled.Count(message => message is ScriptReplied) == 2);
            runner.OnDigit('2');
            call.RunPending(runner);
            await call.RunUntilAsync(runner, () => call.Handled.Count(message => message is ScriptReplied) == (sticky ? 3 : 2));

            Assert.Equal(sticky ? ["1", "2"] : ["1"], call.Script.Results.Cast<GatherResult>().Select(result => result.Digits));
            runner.OnCallEnded(call.Snapshot());
        }
    }

    [Fact]
    public async Task ABargeInTurnedOff_LeavesKeysToTheNextGather()
    {
        await using var call = await StepHarness.StartAsync();
        call.Script.StartVerbs = [BargeIn(sticky: true), new ConfigVerb(null) { BargeIn = new BargeInConfig(null, Sticky: false) }, new PauseVerb(TimeSpan.FromSeconds(1)), OneKey];
        var runner = new VerbRunner(call.Services, SpeechDefaults.None);

        runner.Start();
        await call.RunUntilAsync(runner, () => call.Handled.Count(message => message is ScriptReplied) == 1);
        runner.OnDigit('9');
        call.Time.Advance(TimeSpan.FromSeconds(1));
        await call.RunUntilAsync(runner, () => call.Ended.Count > 0);

        var gathered = Assert.IsType<GatherResult>(Assert.Single(call.Script.Results));
        Assert.Equal(("9", OneKey), (gathered.Digits, gathered.Gather));
    }

    [Fact]
    public async Task SpeechWithFewerWordsThanTheMinimum_IsNoBargeIn_AndTheNextUtteranceWithEnough_Is()
    {
        await using var call = await StepHarness.StartAsync();
        var engine = new ScriptedRecognizer().Answer("yes").Answer("talk to an agent");
        var speech = new GatherVerb(64, null, Timeout.InfiniteTimeSpan, BargeInHook) { AcceptsDigits = false, Speech = RecognizerOptions.None };
        var bargeIn = new ConfigVerb(null) { BargeIn = new BargeInConfig(speech, Sticky: false, MinWordCount: 2) };
        call.Script.StartVerbs = [bargeIn, new PauseVerb(TimeSpan.FromMinutes(1))];
        var runner = new VerbRunner(call.Services with { Recognizers = engine }, SpeechDefaults.None);

        runner.Start();
        await call.RunUntilAsync(runner, () => call.Handled.Count(message => message is ScriptReplied) == 1);
        short[] twoUtterances = [.. CallerVoice.Vowel(400), .. CallerVoice.Silence(1000), .. CallerVoice.Vowel(400), .. CallerVoice.Silence(1000)];
        var speaking = CallerVoice.SendAsync(call.FarEnd, call.Media.LocalPort, twoUtterances);
        await call.RunUntilAsync(runner, () => call.Handled.Count(message => message is ScriptReplied) == 2);
        await speaking;

        var gathered = Assert.IsType<GatherResult>(Assert.Single(call.Script.Results));
        Assert.Equal((GatherEndReason.SpeechDetected, "talk to an agent"), (gathered.Reason, gathered.Speech!.Transcript));
        Assert.Equal(2, engine.Heard.Count);
        runner.OnCallEnded(call.Snapshot());
    }

    [Fact]
    public async Task ATranscription_PostsWhatTheCallerSays_WhileAPauseRuns()
    {
        await using var call = await StepHarness.StartAsync();
        var engine = new ScriptedRecognizer().Answer("hello there");
        var transcribe = new TranscribeConfig(new TranscribeVerb("https://app/transcripts", RecognizerOptions.None));
        call.Script.StartVerbs = [new ConfigVerb(null) { Transcribe = transcribe }, new PauseVerb(TimeSpan.FromMinutes(1))];
        var runner = new VerbRunner(call.Services with { Recognizers = engine }, SpeechDefaults.None);

        runner.Start();
        await call.RunUntilAsync(runner, () => call.Handled.Count(message => message is ScriptReplied) == 1);
        var speaking = CallerVoice.SendAsync(call.FarEnd, call.Media.LocalPort, [.. CallerVoice.Vowel(400), .. CallerVoice.Silence(1000)]);
        await call.RunUntilAsync(runner, () => call.Handled.Any(message => message is SpeechRecognized));
        await speaking;
        await WaitForAsync(() => call.Script.Transcripts.Count == 1);

        Assert.Equal(("https://app/transcripts", "hello there", true), Assert.Single(call.Script.Transcripts));
        Assert.Empty(call.Ended);
        runner.OnCallEnded(call.Snapshot());
    }

    [Fact]
    public async Task ATranscriptionStopped_HearsNothingMore()
    {
        await using var call = await StepHarness.StartAsync();
        var engine = new ScriptedRecognizer().Answer("hello there");
        var on = new ConfigVerb(null) { Transcribe = new TranscribeConfig(new TranscribeVerb("https://app/transcripts", RecognizerOptions.None)) };
        var off = new ConfigVerb(null) { Transcribe = new TranscribeConfig(null) };
        call.Script.StartVerbs = [on, off, new PauseVerb(TimeSpan.FromSeconds(2))];
        var runner = new VerbRunner(call.Services with { Recognizers = engine }, SpeechDefaults.None);

        runner.Start();
        await call.RunUntilAsync(runner, () => call.Handled.Count(message => message is ScriptReplied) == 1);
        await CallerVoice.SendAsync(call.FarEnd, call.Media.LocalPort, [.. CallerVoice.Vowel(400), .. CallerVoice.Silence(1000)]);
        call.Time.Advance(TimeSpan.FromSeconds(2));
        await call.RunUntilAsync(runner, () => call.Ended.Count > 0);

        Assert.Empty(engine.Heard);
        Assert.Empty(call.Script.Transcripts);
    }

    [Fact]
    public async Task APausedTranscription_HearsNothing_AndResumed_PostsAgain()
    {
        await using var call = await StepHarness.StartAsync();
        var engine = new ScriptedRecognizer().Answer("hello again");
        var transcribe = new TranscribeConfig(new TranscribeVerb("https://app/transcripts", RecognizerOptions.None));
        call.Script.StartVerbs = [new ConfigVerb(null) { Transcribe = transcribe }, new PauseVerb(TimeSpan.FromMinutes(1))];
        var runner = new VerbRunner(call.Services with { Recognizers = engine }, SpeechDefaults.None);
        runner.Start();
        await call.RunUntilAsync(runner, () => call.Handled.Count(message => message is ScriptReplied) == 1);

        runner.Background.PauseTranscription(paused: true);
        await CallerVoice.SendAsync(call.FarEnd, call.Media.LocalPort, [.. CallerVoice.Vowel(400), .. CallerVoice.Silence(1000)]);

        runner.Background.PauseTranscription(paused: false);
        var speaking = CallerVoice.SendAsync(call.FarEnd, call.Media.LocalPort, [.. CallerVoice.Vowel(400), .. CallerVoice.Silence(1000)]);
        await call.RunUntilAsync(runner, () => call.Handled.Any(message => message is SpeechRecognized));
        await speaking;
        await WaitForAsync(() => call.Script.Transcripts.Count == 1);
        // Anything else the caller's words left waiting is handled before the count: had the paused words been
        // heard, their utterance would be the second.
        await Task.Delay(500);
        call.RunPending(runner);
        await Task.Delay(200);

        // Only what was said after the resume was heard: the words spoken while paused never reached the recognizer.
        Assert.Single(engine.Heard);
        Assert.Equal(("https://app/transcripts", "hello again", true), Assert.Single(call.Script.Transcripts));
        runner.OnCallEnded(call.Snapshot());
    }

    [Fact]
    public async Task ConfigAmd_IsAskedOfTheCall_ThroughTheScriptsHooks_OrSkippedWhenItHasNone()
    {
        await using var call = await StepHarness.StartAsync();
        call.Script.StartVerbs = [new ConfigVerb(null) { Amd = new AmdConfig("https://app/amd", AmdOptions.Default) }];
        var runner = new VerbRunner(call.Services, SpeechDefaults.None);

        runner.Start();
        await call.RunUntilAsync(runner, () => call.Ended.Count > 0);

        // The harness's script takes transcripts but not answering-machine events.
        Assert.Empty(call.AmdStarted);
        Assert.Contains("config.amd", Assert.Single(call.FailedVerbs).Reason);
    }

    [Theory]
    [InlineData("yes", 1)]
    [InlineData("  talk to   an agent ", 4)]
    [InlineData("", 0)]
    public void Words_AreCountedBetweenSpaces(string transcript, int words) =>
        Assert.Equal(words, BackgroundBargeIn.WordCount(transcript));

    private static ConfigVerb BargeIn(bool sticky) => new(null) { BargeIn = new BargeInConfig(BackgroundKey, sticky) };

    private static SayVerb Say() => new("a long announcement", null, null, null, BargeIn: false);

    private static TagVerb Tag(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new TagVerb(document.RootElement.Clone());
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (!condition())
        {
            await Task.Delay(10, patience.Token);
        }
    }
}
