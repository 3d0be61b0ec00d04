using Switchboard.Calls.Engine.Steps;
using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Tests.Engine.Steps;

public sealed class PauseStepTests
{
    [Fact]
    public async Task APause_CompletesWhenItsDurationHasPassed_AndNotBefore()
    {
        await using var call = await StepHarness.StartAsync();
        var pause = new PauseStep(new PauseVerb(TimeSpan.FromSeconds(3)), call.Scope());

        pause.Start();
        call.Time.Advance(TimeSpan.FromMilliseconds(2999));
        call.RunPending(pause);
        Assert.False(call.Runner.Completed);

        call.Time.Advance(TimeSpan.FromMilliseconds(1));
        await call.RunUntilAsync(pause, () => call.Runner.Completed);
    }

    [Fact]
    public async Task ABargeInPause_HandsAKeyToTheRunnerAtOnce()
    {
        await using var call = await StepHarness.StartAsync();
        var pause = new PauseStep(new PauseVerb(TimeSpan.FromSeconds(10)) { BargeIn = true }, call.Scope());

        pause.Start();
        call.Time.Advance(TimeSpan.FromSeconds(2));
        pause.OnDigit('1');

        Assert.Equal('1', call.Runner.BargedIn);
        Assert.Equal("", call.Runner.TypeAhead.TakeAll());
        call.Time.Advance(TimeSpan.FromSeconds(10));
        call.RunPending(pause);
        Assert.False(call.Runner.Completed, "a pause cut short by a key is left, not completed");
    }

    [Fact]
    public async Task APlainPause_KeepsAKeyForTheNextGather_AndWaitsOut()
    {
        await using var call = await StepHarness.StartAsync();
        var pause = new PauseStep(new PauseVerb(TimeSpan.FromSeconds(3)), call.Scope());

        pause.Start();
        pause.OnDigit('2');
        Assert.Null(call.Runner.BargedIn);
        Assert.False(call.Runner.Completed);

        call.Time.Advance(TimeSpan.FromSeconds(3));
        await call.RunUntilAsync(pause, () => call.Runner.Completed);
        Assert.Equal("2", call.Runner.TypeAhead.TakeAll());
    }

    [Fact]
    public async Task APauseLeftEarly_NeverCompletes()
    {
        await using var call = await StepHarness.StartAsync();
        var pause = new PauseStep(new PauseVerb(TimeSpan.FromSeconds(3)), call.Scope());

        pause.Start();
        pause.Leave();
        call.Time.Advance(TimeSpan.FromSeconds(10));
        call.RunPending(pause);

        Assert.False(call.Runner.Completed);
    }
}
