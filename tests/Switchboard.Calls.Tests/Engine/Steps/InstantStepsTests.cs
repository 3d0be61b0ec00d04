using System.Text.Json;
using Switchboard.Calls.Engine.Steps;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Tests.Engine.Steps;

public sealed class InstantStepsTests
{
    [Fact]
    public async Task Tag_ReplacesTheCallsData_AndCompletes()
    {
        await using var call = await StepHarness.StartAsync();
        using var data = JsonDocument.Parse("""{"order":7}""");

        new TagStep(new TagVerb(data.RootElement), call.Scope()).Start();

        Assert.Equal(7, call.Tag!.Value.GetProperty("order").GetInt32());
        Assert.True(call.Runner.Completed);
    }

    [Fact]
    public async Task Config_ChangesTheSpeechOfLaterPrompts_AndCompletes()
    {
        await using var call = await StepHarness.StartAsync();

        new ConfigStep(new ConfigVerb(new SpeechDefaults("espeak", "de-DE", null, "female")), call.Scope()).Start();

        Assert.Equal(("de-DE", "female"), (call.Runner.Speech.Language, call.Runner.Speech.Gender));
        Assert.True(call.Runner.Completed);
    }

    [Fact]
    public async Task Config_HandsItsRecordActionToTheCall_AndCompletes()
    {
        await using var call = await StepHarness.StartAsync();

        new ConfigStep(new ConfigVerb(null) { Record = CallRecordingAction.Pause }, call.Scope()).Start();

        Assert.Equal([CallRecordingAction.Pause], call.RecordingActions);
        Assert.True(call.Runner.Completed);
    }

    [Fact]
    public async Task Config_SetsTheCallsHooksForThePeersRequests_AndAsksTheCallToForwardThem()
    {
        await using var call = await StepHarness.StartAsync();

        new ConfigStep(new ConfigVerb(null) { ReferHook = "https://app/refer", PeerRequestHook = "https://app/info" }, call.Scope()).Start();

        Assert.Equal(("https://app/refer", "https://app/info"), (call.Runner.ReferHook, call.Runner.PeerRequestHook));
        Assert.True(call.ForwardsPeerRequests);
    }

    [Fact]
    public async Task Skipped_RecordsAWarningNamingIt_AndCompletes()
    {
        await using var call = await StepHarness.StartAsync();

        new SkipStep(new SkippedVerb("listen", "not supported by this server yet"), call.Scope()).Start();

        var (verb, reason) = Assert.Single(call.FailedVerbs);
        Assert.Equal(("listen", "not supported by this server yet"), (Assert.IsType<SkippedVerb>(verb).Subject, reason));
        Assert.True(call.Runner.Completed);
        Assert.Empty(call.Ended);
    }

    [Fact]
    public async Task Hangup_EndsTheCall()
    {
        await using var call = await StepHarness.StartAsync();

        new HangupStep(call.Scope()).Start();

        Assert.Equal(["hangup verb"], call.Ended);
    }

    [Fact]
    public async Task Redirect_ReportsItsHook_ForTheVerbsThatReplaceAllOthers()
    {
        await using var call = await StepHarness.StartAsync();

        new RedirectStep(new RedirectVerb("https://app/next"), call.Scope()).Start();

        Assert.Equal("https://app/next", Assert.IsType<RedirectResult>(call.Runner.Reported).Redirect.ActionHook);
    }

    [Fact]
    public async Task Reject_DeclinesWithItsStatus_AndTheStandardReasonWhenNoneIsGiven()
    {
        await using var call = await StepHarness.StartAsync();

        new RejectStep(new RejectVerb(486, null), call.Scope()).Start();

        Assert.Equal((486, "Busy Here"), call.Declined);
    }

    [Fact]
    public async Task Alert_RingsWithItsAlertInfo_WithoutAnswering_AndCompletes()
    {
        await using var call = await StepHarness.StartAsync();
        var alert = new AlertStep(new AlertVerb("<urn:alert:service:call-waiting>"), call.Scope());

        alert.Start();

        Assert.False(alert.NeedsMedia);
        Assert.Equal(["<urn:alert:service:call-waiting>"], call.Alerted);
        Assert.True(call.Runner.Completed);
    }

    [Fact]
    public async Task OnlyVerbsThatUseMedia_NeedAnAnsweredCall()
    {
        await using var call = await StepHarness.StartAsync();
        var scope = call.Scope();

        Assert.False(new RejectStep(new RejectVerb(486, null), scope).NeedsMedia);
        Assert.False(new HangupStep(scope).NeedsMedia);
        Assert.True(new AnswerStep(scope).NeedsMedia);
        Assert.True(new PauseStep(new PauseVerb(TimeSpan.FromSeconds(1)), scope).NeedsMedia);
    }
}
