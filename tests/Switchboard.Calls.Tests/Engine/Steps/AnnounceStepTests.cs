using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Engine.Steps;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Tests.Engine.Steps;

public sealed class AnnounceStepTests
{
    private static readonly AnnounceVerb Welcome = new([new SayVerb("welcome", null, null, null, false), new PlayVerb(new Uri("https://app/jingle.wav"), 1, false)]);

    [Fact]
    public void AnAnnounce_RunsAsAnAnnounceStep()
    {
        var harness = new RecordingRunner();
        Assert.IsType<AnnounceStep>(VerbSteps.Create(Welcome, new StepScope(1, null!, harness)));
    }

    [Fact]
    public async Task ThePrompts_AreRenderedAsOne_PlayedOnce_AndHowLongTheyPlayedIsReported()
    {
        await using var call = await StepHarness.StartAsync();
        var announce = new AnnounceStep(Welcome, call.Scope());

        announce.Start();
        await call.RunUntilAsync(announce, () => call.Handled.Any(message => message is PromptReady));
        call.Time.Advance(TimeSpan.FromSeconds(3));
        await call.RunUntilAsync(announce, () => call.Runner.Reported is not null);

        var result = Assert.IsType<AnnounceResult>(call.Runner.Reported);
        Assert.Equal((Welcome, TimeSpan.FromSeconds(3), (string?)null), (result.Announce, result.Played, result.Error));
        Assert.Equal(1, call.Prompts.Rendered);
        Assert.False(call.Runner.Completed, "the script decides what follows an announce");
        Assert.True(await PromptStepTests.ReceivedPacketsAsync(call, atLeast: 3) >= 3);
    }

    [Fact]
    public async Task PromptsThatCannotBeRendered_AreReportedWithTheError_AndNothingPlays()
    {
        await using var call = await StepHarness.StartAsync();
        call.Prompts.Failure = "prompt 2 of 2: https://app/jingle.wav could not be played";
        var announce = new AnnounceStep(Welcome, call.Scope());

        announce.Start();
        await call.RunUntilAsync(announce, () => call.Runner.Reported is not null);

        var result = Assert.IsType<AnnounceResult>(call.Runner.Reported);
        Assert.Equal((TimeSpan.Zero, call.Prompts.Failure), (result.Played, result.Error));
        Assert.Equal(0, await PromptStepTests.ReceivedPacketsAsync(call, atLeast: 1, patience: TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public async Task AKeyDuringTheAnnounce_DoesNotStopIt_AndIsKeptForTheNextGather()
    {
        await using var call = await StepHarness.StartAsync();
        var announce = new AnnounceStep(Welcome, call.Scope());

        announce.Start();
        announce.OnDigit('9');
        await call.RunUntilAsync(announce, () => call.Runner.Reported is not null);

        Assert.Null(call.Runner.BargedIn);
        Assert.Null(Assert.IsType<AnnounceResult>(call.Runner.Reported).Error);
        Assert.Equal("9", call.Runner.TypeAhead.TakeAll());
    }
}
