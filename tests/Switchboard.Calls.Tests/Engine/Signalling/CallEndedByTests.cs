using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Calls.Engine;
using Switchboard.Calls.Engine.Signalling;
using Switchboard.Sip.UserAgent;
using Switchboard.Storage.Calls;

namespace Switchboard.Calls.Tests.Engine.Signalling;

/// <summary>Who ended a call, as its SIP side reads it and as its final status carries it.</summary>
public sealed class CallEndedByTests
{
    [Fact]
    public void A487AfterWeGaveUpRinging_EndsTheCallForTheServer()
    {
        var signalling = Outbound();
        signalling.Setup.OnProvisional();
        signalling.Setup.OnGiveUp();

        var ends = Assert.IsType<Ends>(signalling.Interpret(new SipCallRejected(487, "Request Terminated"), CallStatus.Ringing));

        Assert.Equal((CallStatus.NoAnswer, CallEndedBy.Server), (ends.Status, ends.By));
    }

    [Theory]
    [InlineData(487)]
    [InlineData(486)]
    [InlineData(404)]
    [InlineData(503)]
    public void AnyOtherFinalResponse_EndsTheCallForTheFarEnd(int sipStatus)
    {
        var signalling = Outbound();
        signalling.Setup.OnProvisional();

        var ends = Assert.IsType<Ends>(signalling.Interpret(new SipCallRejected(sipStatus, "No"), CallStatus.Ringing));

        Assert.Equal(CallEndedBy.FarEnd, ends.By);
    }

    [Fact]
    public void AByeOrALostDialog_EndsTheCallForTheFarEnd()
    {
        var signalling = Outbound();

        Assert.Equal(CallEndedBy.FarEnd, Assert.IsType<Ends>(signalling.Interpret(new SipCallHungUp(), CallStatus.InProgress)).By);
        Assert.Equal(CallEndedBy.FarEnd, Assert.IsType<Ends>(signalling.Interpret(new SipCallDialogFailed(408, "Request Timeout"), CallStatus.InProgress)).By);
    }

    [Fact]
    public async Task OnlyTheFinalStatus_CarriesWhoEndedTheCall()
    {
        var sink = new Events();
        var record = new CallRecord("call-1", "account-1", "outbound", "+100", "+200", null, "queued", null, DateTimeOffset.UnixEpoch, null, null);
        var progress = new CallProgress(record, sink, new NullCallStore(), TimeProvider.System, NullLogger.Instance);

        await progress.ChangeAsync(CallStatus.Trying, null, null, CancellationToken.None);
        await progress.ChangeAsync(CallStatus.InProgress, 200, null, CancellationToken.None);
        await progress.FinishAsync(CallStatus.Completed, null, "hangup verb", CallEndedBy.Application, CancellationToken.None);

        Assert.Equal(
            [(CallStatus.Trying, null), (CallStatus.InProgress, null), (CallStatus.Completed, CallEndedBy.Application)],
            sink.Changes.Select(change => (change.Call.Status, change.EndedBy)));
    }

    private static OutboundSignalling Outbound() => new(null!, "call-1", TimeProvider.System, NullLogger.Instance);

    private sealed class Events : ICallEventSink
    {
        public List<CallStatusChanged> Changes { get; } = [];

        public void OnCallEvent(CallEvent callEvent) => Changes.Add((CallStatusChanged)callEvent);
    }
}
