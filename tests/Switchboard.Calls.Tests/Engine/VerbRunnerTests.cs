using System.Text.Json;
using Switchboard.Calls.Engine;
using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Tests.Engine.Steps;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Audio;

namespace Switchboard.Calls.Tests.Engine;

/// <summary>
/// The runner over real steps, without a SIP call: the queue, the keys kept for the next gather, and the generation
/// that drops answers meant for steps already left.
/// </summary>
public sealed class VerbRunnerTests
{
    private static readonly GatherVerb OneKey = new(1, '#', TimeSpan.FromSeconds(5), "https://app/gather");

    [Fact]
    public async Task Verbs_RunInOrder_AndTheCallEndsWhenTheyRunOut()
    {
        await using var call = await StepHarness.StartAsync();
        call.Script.StartVerbs = [Tag("""{"n":1}"""), Tag("""{"n":2}""")];
        var runner = new VerbRunner(call.Services, SpeechDefaults.None);

        runner.Start();
        await call.RunUntilAsync(runner, () => call.Ended.Count > 0);

        Assert.Equal(2, call.Tag!.Value.GetProperty("n").GetInt32());
        Assert.Equal(["script ended"], call.Ended);
    }

    [Fact]
    public async Task ABargeIn_SkipsToTheNextGather_WhichTakesTheKey()
    {
        await using var call = await StepHarness.StartAsync();
        call.Prompts.Clip = new AudioClip(new short[8000 * 10]);
        call.Script.StartVerbs = [new SayVerb("hello", null, null, null, BargeIn: true), new PauseVerb(TimeSpan.FromMinutes(1)), OneKey];
        var runner = new VerbRunner(call.Services, SpeechDefaults.None);

        runner.Start();
        await call.RunUntilAsync(runner, () => call.Handled.Any(message => message is PromptReady));
        runner.OnDigit('3');
        await call.RunUntilAsync(runner, () => call.Ended.Count > 0);

        var gathered = Assert.IsType<GatherResult>(Assert.Single(call.Script.Results));
        Assert.Equal(("3", GatherEndReason.MaxDigits), (gathered.Digits, gathered.Reason));
    }

    [Fact]
    public async Task AKeyDuringABargeInPause_SkipsThePromptsLeft_AndTheGatherTakesItAtOnce()
    {
        await using var call = await StepHarness.StartAsync();
        var prompt = new SayVerb("press one", null, null, null, BargeIn: true);
        var answerTime = new PauseVerb(TimeSpan.FromSeconds(10)) { BargeIn = true };
        call.Script.StartVerbs = [prompt, answerTime, prompt, answerTime with { Duration = TimeSpan.FromSeconds(6) }, OneKey];
        var runner = new VerbRunner(call.Services, SpeechDefaults.None);

        runner.Start();
        await call.RunUntilAsync(runner, () => call.Handled.Count(message => message is PlaybackEnded) == 1);
        call.Time.Advance(TimeSpan.FromSeconds(4));
        runner.OnDigit('1');
        await call.RunUntilAsync(runner, () => call.Ended.Count > 0);

        var gathered = Assert.IsType<GatherResult>(Assert.Single(call.Script.Results));
        Assert.Equal(("1", GatherEndReason.MaxDigits), (gathered.Digits, gathered.Reason));
        Assert.Equal(1, call.Prompts.Rendered);
    }

    [Fact]
    public async Task KeysPressedBeforeAGather_AreKeptForIt()
    {
        await using var call = await StepHarness.StartAsync();
        call.Script.StartVerbs = [new PauseVerb(TimeSpan.FromSeconds(1)), OneKey with { MaxDigits = 2 }];
        var runner = new VerbRunner(call.Services, SpeechDefaults.None);

        runner.Start();
        await call.RunUntilAsync(runner, () => call.Handled.Any(message => message is ScriptReplied));
        runner.OnDigit('4');
        runner.OnDigit('2');
        call.Time.Advance(TimeSpan.FromSeconds(1));
        await call.RunUntilAsync(runner, () => call.Ended.Count > 0);

        Assert.Equal("42", Assert.IsType<GatherResult>(Assert.Single(call.Script.Results)).Digits);
    }

    [Fact]
    public async Task AResultsAnswer_ReplacesTheVerbsLeft()
    {
        await using var call = await StepHarness.StartAsync();
        call.Script.StartVerbs = [OneKey, Tag("""{"from":"start"}""")];
        call.Script.Reply = _ => [Tag("""{"from":"answer"}""")];
        var runner = new VerbRunner(call.Services, SpeechDefaults.None);

        runner.Start();
        await call.RunUntilAsync(runner, () => call.Handled.Any(message => message is ScriptReplied));
        runner.OnDigit('1');
        await call.RunUntilAsync(runner, () => call.Ended.Count > 0);

        Assert.Equal("answer", call.Tag!.Value.GetProperty("from").GetString());
    }

    [Fact]
    public async Task APromptReadyForAVerbAlreadyLeft_IsDropped()
    {
        await using var call = await StepHarness.StartAsync();
        call.Script.StartVerbs = [new SayVerb("hello", null, null, null, BargeIn: false)];
        var runner = new VerbRunner(call.Services, SpeechDefaults.None);

        runner.Start();
        await call.RunUntilAsync(runner, () => call.Handled.Any(message => message is ScriptReplied));
        // A redirect leaves the say while its prompt is still being rendered.
        runner.Redirect("https://app/elsewhere");
        await call.RunUntilAsync(runner, () => call.Ended.Count > 0);

        Assert.IsType<RedirectResult>(Assert.Single(call.Script.Results));
        Assert.Equal(0, await PromptStepTests.ReceivedPacketsAsync(call, atLeast: 1, patience: TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task TheCallEnding_LeavesTheRunningStep_AndNothingMoreStarts()
    {
        await using var call = await StepHarness.StartAsync();
        call.Script.StartVerbs = [new PauseVerb(TimeSpan.FromSeconds(1)), Tag("""{"n":1}""")];
        var runner = new VerbRunner(call.Services, SpeechDefaults.None);

        runner.Start();
        await call.RunUntilAsync(runner, () => call.Handled.Any(message => message is ScriptReplied));
        runner.OnCallEnded(call.Snapshot());
        call.Time.Advance(TimeSpan.FromSeconds(2));
        call.RunPending(runner);

        Assert.Null(call.Tag);
        Assert.Empty(call.Ended);
    }

    [Fact]
    public async Task EachVerb_IsNotedStartedAndEnded_WithHowItEnded()
    {
        await using var call = await StepHarness.StartAsync();
        call.Script.StartVerbs = [Tag("""{"n":1}"""), OneKey];
        var runner = new VerbRunner(call.Services, SpeechDefaults.None);

        runner.Start();
        await call.RunUntilAsync(runner, () => call.Handled.Any(message => message is ScriptReplied));
        runner.OnDigit('7');
        await call.RunUntilAsync(runner, () => call.Ended.Count > 0);

        Assert.Equal(
            [
                (CallEventNames.VerbStarted, "tag"), (CallEventNames.VerbEnded, "tag: done"),
                (CallEventNames.VerbStarted, "gather"), (CallEventNames.VerbEnded, "gather: MaxDigits, digits 7"),
            ],
            call.Timeline);
    }

    [Fact]
    public async Task AVerbRunningWhenTheCallEnds_IsNotedEndedByIt()
    {
        await using var call = await StepHarness.StartAsync();
        call.Script.StartVerbs = [new PauseVerb(TimeSpan.FromSeconds(30))];
        var runner = new VerbRunner(call.Services, SpeechDefaults.None);

        runner.Start();
        await call.RunUntilAsync(runner, () => call.Timeline.Count > 0);
        runner.OnCallEnded(call.Snapshot());

        Assert.Equal([(CallEventNames.VerbStarted, "pause"), (CallEventNames.VerbEnded, "pause: call ended")], call.Timeline);
    }

    private static TagVerb Tag(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new TagVerb(document.RootElement.Clone());
    }
}
