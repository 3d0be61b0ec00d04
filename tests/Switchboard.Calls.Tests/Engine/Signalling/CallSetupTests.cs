using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Calls.Engine;
using Switchboard.Calls.Engine.Signalling;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Calls.Tests.Engine.Signalling;

public sealed class CallSetupTests
{
    [Fact]
    public void TheTable_IsTheDocumentedSetupDiagram()
    {
        // docs/architecture.md, "The SIP facts of a call": nothing heard → ringing → answered, and giving up ringing
        // (before or after anything was heard) may still be overtaken by an answer that crossed our CANCEL.
        (SetupState, SetupState)[] diagram =
        [
            (SetupState.Inviting, SetupState.Ringing),
            (SetupState.Inviting, SetupState.GivingUpUnheard),
            (SetupState.Inviting, SetupState.Answered),
            (SetupState.Ringing, SetupState.GivingUp),
            (SetupState.Ringing, SetupState.Answered),
            (SetupState.GivingUpUnheard, SetupState.GivingUp),
            (SetupState.GivingUpUnheard, SetupState.Answered),
            (SetupState.GivingUp, SetupState.Answered),
        ];

        Assert.Equal(diagram.ToHashSet(), CallSetup.Table.Edges);
    }

    [Fact]
    public void A487AfterWeGaveUpRinging_IsNoAnswer_ButOtherwiseCanceled()
    {
        var gaveUp = Outbound();
        gaveUp.OnProvisional();
        gaveUp.OnGiveUp();
        var canceled = Outbound();
        canceled.OnProvisional();

        Assert.Equal((CallStatus.NoAnswer, "ring timeout"), gaveUp.Classify(new SipCallRejected(487, "Request Terminated")));
        Assert.Equal(CallStatus.Canceled, canceled.Classify(new SipCallRejected(487, "Request Terminated")).Status);
    }

    [Fact]
    public void A408WithNothingHeard_IsAnUnreachableCarrier_ButAfterRingingIsNoAnswer()
    {
        var silent = Outbound();
        var silentThenGaveUp = Outbound();
        silentThenGaveUp.OnGiveUp();
        var rang = Outbound();
        rang.OnProvisional();

        Assert.Equal((CallStatus.Failed, "no response from the carrier"), silent.Classify(new SipCallRejected(408, "Request Timeout")));
        Assert.Equal(CallStatus.Failed, silentThenGaveUp.Classify(new SipCallRejected(408, "Request Timeout")).Status);
        Assert.Equal(CallStatus.NoAnswer, rang.Classify(new SipCallRejected(408, "Request Timeout")).Status);
    }

    [Theory]
    [InlineData(486, CallStatus.Busy)]
    [InlineData(600, CallStatus.Busy)]
    [InlineData(603, CallStatus.Busy)]
    [InlineData(480, CallStatus.NoAnswer)]
    [InlineData(404, CallStatus.Failed)]
    [InlineData(503, CallStatus.Failed)]
    public void OtherFinalResponses_MeanWhatTheirClassSays(int sipStatus, CallStatus expected) =>
        Assert.Equal(expected, Outbound().Classify(new SipCallRejected(sipStatus, "reason")).Status);

    [Fact]
    public void RepeatedProvisionals_AndAnAnswerAfterGivingUp_AreNotIllegal()
    {
        var log = new CountingLogger();
        var setup = new CallSetup(SetupState.Inviting, log);

        setup.OnProvisional();
        setup.OnProvisional();
        setup.OnGiveUp();
        setup.OnGiveUp();
        setup.OnAnswered();
        setup.OnAnswered();

        Assert.True(setup.IsAnswered);
        Assert.Equal(0, log.Warnings);
    }

    private static CallSetup Outbound() => new(SetupState.Inviting, NullLogger.Instance);

    private sealed class CountingLogger : ILogger
    {
        public int Warnings { get; private set; }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Warnings += logLevel >= LogLevel.Warning ? 1 : 0;
    }
}
