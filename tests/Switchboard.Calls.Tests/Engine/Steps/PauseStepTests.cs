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
