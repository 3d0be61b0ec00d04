using Switchboard.Calls.Engine;
using Switchboard.Calls.Engine.Signalling;
using Switchboard.Calls.Engine.Steps;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Tests.Engine.Steps;

public sealed class ReferStepTests
{
    static readonly ReferVerb Refer = new("+15550199", "http://app/action") { EventHook = "http://app/events" };

    static async Task<ReferStep> AcceptedAsync(StepHarness call)
    {
        var step = new ReferStep(Refer, call.Scope());
        step.Start();
        call.InDialogAnswer.SetResult(new InDialogAnswer(202, "Accepted", null));
        await call.RunUntilAsync(step, () => call.Handled.Count == 1);
        return step;
    }

    [Fact]
    public async Task RefusedRefer_EndsTheVerbWithItsStatus_AndTheCallGoesOn()
    {
        await using var call = await StepHarness.StartAsync();
        var step = new ReferStep(Refer, call.Scope());

        step.Start();
        call.InDialogAnswer.SetResult(new InDialogAnswer(403, "Forbidden", null));
        await call.RunUntilAsync(step, () => call.Runner.Reported is not null);

        Assert.Equal(new ReferResult(Refer, 403, null), call.Runner.Reported);
        Assert.Equal([Refer], call.SentInDialog);
        Assert.Empty(call.Ended);
        Assert.Empty(call.Script.TransferReports);
    }

    [Fact]
    public async Task AnsweredReferredCall_PostsEachReport_ThenTheResult_AndEndsTheCall()
    {
        await using var call = await StepHarness.StartAsync();
        var step = await AcceptedAsync(call);

        step.OnTransferProgress(new TransferProgress(100, ReportsEnded: false));
        step.OnTransferProgress(new TransferProgress(200, ReportsEnded: true));
        await call.RunUntilAsync(step, () => call.Script.Results.Count == 1 && call.Script.TransferReports.Count == 2);

        Assert.Equal([("http://app/events", 100), ("http://app/events", 200)], call.Script.TransferReports);
        Assert.Equal(new ReferResult(Refer, 202, 200), call.Script.Results[0]);
        Assert.Equal(["transferred"], call.Ended);
        // The hook's answer cannot run: the call is over, so the runner hears no result.
        Assert.Null(call.Runner.Reported);
    }

    [Fact]
    public async Task FailedReferredCall_EndsTheVerbWithThatStatus_AndTheCallGoesOn()
    {
        await using var call = await StepHarness.StartAsync();
        var step = await AcceptedAsync(call);

        step.OnTransferProgress(new TransferProgress(180, ReportsEnded: false));
        step.OnTransferProgress(new TransferProgress(603, ReportsEnded: true));

        Assert.Equal(new ReferResult(Refer, 202, 603), call.Runner.Reported);
        Assert.Empty(call.Ended);
    }

    [Fact]
    public async Task NoReportAfterTheAcceptance_EndsTheVerbWithoutAFinalStatus()
    {
        await using var call = await StepHarness.StartAsync();
        var step = await AcceptedAsync(call);

        call.Time.Advance(ReferStep.FirstReportWait);
        await call.RunUntilAsync(step, () => call.Runner.Reported is not null);

        Assert.Equal(new ReferResult(Refer, 202, null), call.Runner.Reported);
        Assert.Empty(call.Ended);
    }

    [Fact]
    public async Task AProvisionalReport_LetsTheReferredCallRingLonger()
    {
        await using var call = await StepHarness.StartAsync();
        var step = await AcceptedAsync(call);

        step.OnTransferProgress(new TransferProgress(180, ReportsEnded: false));
        call.Time.Advance(ReferStep.FirstReportWait);
        call.RunPending(step);
        Assert.Null(call.Runner.Reported);

        call.Time.Advance(ReferStep.FinalReportWait - ReferStep.FirstReportWait);
        await call.RunUntilAsync(step, () => call.Runner.Reported is not null);
        Assert.Equal(new ReferResult(Refer, 202, null), call.Runner.Reported);
    }

    [Fact]
    public async Task AFinalReportOvertakingThe202_IsTheResultOnceTheReferIsAccepted()
    {
        await using var call = await StepHarness.StartAsync();
        var step = new ReferStep(Refer, call.Scope());
        step.Start();

        step.OnTransferProgress(new TransferProgress(486, ReportsEnded: true));
        Assert.Null(call.Runner.Reported);
        call.InDialogAnswer.SetResult(new InDialogAnswer(202, "Accepted", null));
        await call.RunUntilAsync(step, () => call.Runner.Reported is not null);

        Assert.Equal(new ReferResult(Refer, 202, 486), call.Runner.Reported);
    }

    [Fact]
    public async Task TheCallEndingDuringTheTransfer_StillPostsTheResult()
    {
        await using var call = await StepHarness.StartAsync();
        var step = await AcceptedAsync(call);
        step.OnTransferProgress(new TransferProgress(100, ReportsEnded: false));

        step.OnCallEnded(call.Snapshot());
        await call.RunUntilAsync(step, () => call.Script.Results.Count == 1);

        Assert.Equal(new ReferResult(Refer, 202, null), call.Script.Results[0]);
        Assert.Null(call.Runner.Reported);
    }
}
