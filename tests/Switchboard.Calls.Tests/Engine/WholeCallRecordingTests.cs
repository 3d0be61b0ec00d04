using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Calls.Engine;
using Switchboard.Calls.Tests.Engine.Steps;

namespace Switchboard.Calls.Tests.Engine;

public sealed class WholeCallRecordingTests
{
    [Fact]
    public async Task ARecordingSidGiven_IsTheSidTheRecordingIsStoredUnder()
    {
        await using var call = await StepHarness.StartAsync(recordings: true);
        var recording = Start(call, Request(call) with { RecordingSid = "named-in-advance-1" });

        recording!.Stop();
        await call.RunUntilAsync(new NoStep(call), () => call.Work.IsIdle);

        var row = Assert.Single(call.Stored.Rows);
        Assert.Equal(("named-in-advance-1", "call-1", "hangup"), (row.Sid, row.CallSid, row.Reason));
    }

    [Fact]
    public async Task ARecordLimit_EndsTheRecording_WhileTheCallGoesOn()
    {
        await using var call = await StepHarness.StartAsync(recordings: true);

        // Never stopped: the limit alone closes the file, which is then stored.
        Start(call, Request(call) with { RecordLimit = TimeSpan.FromMilliseconds(300) });
        await call.RunUntilAsync(new NoStep(call), () => call.Work.IsIdle);

        var row = Assert.Single(call.Stored.Rows);
        Assert.Equal("maxLength", row.Reason);
        Assert.True(row.Duration <= TimeSpan.FromSeconds(1), $"recorded {row.Duration}");
    }

    [Fact]
    public async Task WithoutRecordAll_NothingIsRecorded()
    {
        await using var call = await StepHarness.StartAsync(recordings: true);

        Assert.Null(Start(call, Request(call) with { RecordAll = false, RecordingSid = "unused" }));
    }

    private static WholeCallRecording? Start(StepHarness call, CallRequest request) =>
        WholeCallRecording.Start(request, call.Services.Recordings, call.Media, call.Snapshot(), call.Work, NullLogger.Instance);

    private static CallRequest Request(StepHarness call) =>
        new("account-1", "+100", null, null, CallTarget.Phone("+200"), TimeSpan.FromSeconds(30), [], call.Script, null!) { RecordAll = true };

    /// <summary>The loop runs no verb here; only the recording's own work comes back to it.</summary>
    private sealed class NoStep(StepHarness call) : Switchboard.Calls.Engine.Steps.VerbStep(call.Scope())
    {
        public override void Start()
        {
        }
    }
}
