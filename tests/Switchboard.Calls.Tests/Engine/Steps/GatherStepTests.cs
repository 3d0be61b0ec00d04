using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Engine.Steps;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Audio;

namespace Switchboard.Calls.Tests.Engine.Steps;

public sealed class GatherStepTests
{
    private static readonly GatherVerb FourDigits = new(4, '#', TimeSpan.FromSeconds(5), "https://app/gather");

    [Fact]
    public async Task KeysKeptFromBefore_EndTheGather_AndTheRestStayKept()
    {
        await using var call = await StepHarness.StartAsync();
        foreach (var key in "123456")
        {
            call.Runner.TypeAhead.Keep(key);
        }

        new GatherStep(FourDigits, call.Scope()).Start();

        var result = Assert.IsType<GatherResult>(call.Runner.Reported);
        Assert.Equal(("1234", GatherEndReason.MaxDigits), (result.Digits, result.Reason));
        Assert.Equal("56", call.Runner.TypeAhead.TakeAll());
    }

    [Fact]
    public async Task TheFinishKey_EndsTheGather_WithoutIt()
    {
        await using var call = await StepHarness.StartAsync();
        var gather = new GatherStep(FourDigits, call.Scope());

        gather.Start();
        gather.OnDigit('4');
        gather.OnDigit('2');
        gather.OnDigit('#');

        var result = Assert.IsType<GatherResult>(call.Runner.Reported);
        Assert.Equal(("42", GatherEndReason.Terminator), (result.Digits, result.Reason));
    }

    [Fact]
    public async Task TheTimeout_StartsOnlyWhenThePromptHasEnded()
    {
        await using var call = await StepHarness.StartAsync();
        var gather = new GatherStep(FourDigits with { Prompt = new SayVerb("press", null, null, null, false) }, call.Scope());

        gather.Start();
        call.Time.Advance(TimeSpan.FromSeconds(6));
        await call.RunUntilAsync(gather, () => call.Handled.Any(message => message is PlaybackEnded));
        Assert.Null(call.Runner.Reported);

        call.Time.Advance(TimeSpan.FromSeconds(5));
        await call.RunUntilAsync(gather, () => call.Runner.Reported is not null);

        var result = Assert.IsType<GatherResult>(call.Runner.Reported);
        Assert.Equal((string.Empty, GatherEndReason.Timeout), (result.Digits, result.Reason));
    }

    [Fact]
    public async Task AnInfiniteTimeout_WaitsForKeysAlone()
    {
        await using var call = await StepHarness.StartAsync();
        var gather = new GatherStep(FourDigits with { Timeout = Timeout.InfiniteTimeSpan }, call.Scope());

        gather.Start();
        call.Time.Advance(TimeSpan.FromHours(2));
        call.RunPending(gather);
        Assert.Null(call.Runner.Reported);
        gather.OnDigit('7');
        call.Time.Advance(TimeSpan.FromHours(2));
        call.RunPending(gather);
        Assert.Null(call.Runner.Reported);
        gather.OnDigit('#');

        var result = Assert.IsType<GatherResult>(call.Runner.Reported);
        Assert.Equal(("7", GatherEndReason.Terminator), (result.Digits, result.Reason));
    }

    [Fact]
    public async Task AKeyDuringThePrompt_StopsIt_AndEachKeyRestartsTheInterDigitTimeout()
    {
        await using var call = await StepHarness.StartAsync();
        call.Prompts.Clip = new AudioClip(new short[8000 * 10]);
        var verb = FourDigits with { Prompt = new SayVerb("press", null, null, null, false), InterDigitTimeout = TimeSpan.FromSeconds(2) };
        var gather = new GatherStep(verb, call.Scope());

        gather.Start();
        await call.RunUntilAsync(gather, () => call.Handled.Any(message => message is PromptReady));
        gather.OnDigit('1');
        await call.RunUntilAsync(gather, () => call.Work.IsIdle);
        call.Time.Advance(TimeSpan.FromSeconds(1.5));
        gather.OnDigit('2');
        call.Time.Advance(TimeSpan.FromSeconds(1.5));
        call.RunPending(gather);
        Assert.Null(call.Runner.Reported);

        call.Time.Advance(TimeSpan.FromSeconds(0.5));
        await call.RunUntilAsync(gather, () => call.Runner.Reported is not null);

        var result = Assert.IsType<GatherResult>(call.Runner.Reported);
        Assert.Equal(("12", GatherEndReason.Timeout), (result.Digits, result.Reason));
    }

    [Fact]
    public async Task WithoutPromptBargeIn_ThePromptPlaysToItsEnd_WhileKeysAreTaken()
    {
        await using var call = await StepHarness.StartAsync();
        var verb = FourDigits with { Prompt = new SayVerb("press", null, null, null, false), PromptBargeIn = false };
        var gather = new GatherStep(verb, call.Scope());

        gather.Start();
        await call.RunUntilAsync(gather, () => call.Handled.Any(message => message is PromptReady));
        gather.OnDigit('9');
        await call.RunUntilAsync(gather, () => call.Handled.Any(message => message is PlaybackEnded));

        // Three frames played whole: the key did not cut the prompt.
        Assert.Equal(3, await PromptStepTests.ReceivedPacketsAsync(call, atLeast: 3));
        Assert.Null(call.Runner.Reported);
    }

    [Fact]
    public async Task ThePromptsPlayedTime_RunsFromItsStart_ToTheKeyThatStoppedIt()
    {
        await using var call = await StepHarness.StartAsync();
        call.Prompts.Clip = new AudioClip(new short[8000 * 10]);
        var gather = new GatherStep(FourDigits with { Prompt = new SayVerb("press", null, null, null, false) }, call.Scope());

        gather.Start();
        await call.RunUntilAsync(gather, () => call.Handled.Any(message => message is PromptReady));
        call.Time.Advance(TimeSpan.FromSeconds(2));
        gather.OnDigit('1');
        call.Time.Advance(TimeSpan.FromSeconds(1));
        gather.OnDigit('#');

        var result = Assert.IsType<GatherResult>(call.Runner.Reported);
        Assert.Equal(("1", TimeSpan.FromSeconds(2)), (result.Digits, result.PromptPlayed));
    }

    [Fact]
    public async Task ThePromptsPlayedTime_RunsToItsEnd_WhenNothingStopsIt()
    {
        await using var call = await StepHarness.StartAsync();
        var gather = new GatherStep(FourDigits with { Prompt = new SayVerb("press", null, null, null, false) }, call.Scope());

        gather.Start();
        await call.RunUntilAsync(gather, () => call.Handled.Any(message => message is PromptReady));
        call.Time.Advance(TimeSpan.FromSeconds(4));
        await call.RunUntilAsync(gather, () => call.Handled.Any(message => message is PlaybackEnded));
        call.Time.Advance(TimeSpan.FromSeconds(1));
        gather.OnDigit('#');

        Assert.Equal(TimeSpan.FromSeconds(4), Assert.IsType<GatherResult>(call.Runner.Reported).PromptPlayed);
    }

    [Fact]
    public async Task WithoutAPrompt_NothingPlayed()
    {
        await using var call = await StepHarness.StartAsync();
        var gather = new GatherStep(FourDigits, call.Scope());

        gather.Start();
        call.Time.Advance(TimeSpan.FromSeconds(1));
        gather.OnDigit('#');

        Assert.Equal(TimeSpan.Zero, Assert.IsType<GatherResult>(call.Runner.Reported).PromptPlayed);
    }
}
