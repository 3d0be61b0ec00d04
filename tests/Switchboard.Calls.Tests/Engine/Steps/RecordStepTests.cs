using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Engine.Steps;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Tests.Engine.Steps;

public sealed class RecordStepTests
{
    private static readonly RecordVerb Message = new("https://app/recorded", TimeSpan.FromMinutes(1), null, "#") { PlayBeep = false };

    [Fact]
    public async Task AFinishKey_EndsTheRecording_WhichIsStoredAndReported()
    {
        await using var call = await StepHarness.StartAsync(recordings: true);
        var record = new RecordStep(Message, call.Scope());

        record.Start();
        record.OnDigit('5');
        record.OnDigit('#');
        await call.RunUntilAsync(record, () => call.Runner.Reported is not null);

        var result = Assert.IsType<RecordResult>(call.Runner.Reported);
        Assert.Equal((RecordEndReason.FinishOnKey, "#"), (result.Reason, result.Digits));
        var row = Assert.Single(call.Stored.Rows);
        Assert.Equal((result.RecordingSid, "finishOnKey"), (row.Sid, row.Reason));
    }

    [Fact]
    public async Task WhenTheCallEnds_TheRecordingIsStored_AndItsResultGoesToTheHook()
    {
        await using var call = await StepHarness.StartAsync(recordings: true);
        var record = new RecordStep(Message, call.Scope());

        record.Start();
        record.OnCallEnded(call.Snapshot());
        await call.RunUntilAsync(record, () => call.Work.IsIdle && call.Script.FirstResult.IsCompleted);

        var result = Assert.IsType<RecordResult>(await call.Script.FirstResult);
        Assert.Equal(RecordEndReason.Hangup, result.Reason);
        Assert.Null(call.Runner.Reported);
        Assert.Equal("hangup", Assert.Single(call.Stored.Rows).Reason);
    }

    [Fact]
    public async Task LeftForOtherVerbs_TheRecordingIsStoredAsStopped_AndReportedNowhere()
    {
        await using var call = await StepHarness.StartAsync(recordings: true);
        var record = new RecordStep(Message, call.Scope());

        record.Start();
        record.Leave();
        await call.RunUntilAsync(record, () => call.Work.IsIdle && call.Handled.Any(message => message is RecordingStored));

        Assert.Equal("stopped", Assert.Single(call.Stored.Rows).Reason);
        Assert.Null(call.Runner.Reported);
        Assert.False(call.Script.FirstResult.IsCompleted);
    }

    [Fact]
    public async Task TheBeepPlaysFirst_AndKeysBeforeTheRecordingAreIgnored()
    {
        await using var call = await StepHarness.StartAsync(recordings: true);
        var record = new RecordStep(Message with { PlayBeep = true }, call.Scope());

        record.Start();
        record.OnDigit('#');
        await call.RunUntilAsync(record, () => call.Handled.Any(message => message is PlaybackEnded));
        Assert.Empty(call.Stored.Rows);

        record.OnDigit('#');
        await call.RunUntilAsync(record, () => call.Runner.Reported is not null);
        Assert.Equal(RecordEndReason.FinishOnKey, Assert.IsType<RecordResult>(call.Runner.Reported).Reason);
        Assert.Equal(string.Empty, call.Runner.TypeAhead.TakeAll());
    }

    [Fact]
    public async Task WithoutARecordingLibrary_TheVerbFails_AtOnce()
    {
        await using var call = await StepHarness.StartAsync(recordings: false);

        new RecordStep(Message, call.Scope()).Start();

        var result = Assert.IsType<RecordResult>(call.Runner.Reported);
        Assert.Equal((RecordEndReason.Failed, null), (result.Reason, result.RecordingSid));
    }
}
