using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Calls.Engine;
using Switchboard.Foundation.StateMachines;
using static Switchboard.Calls.Engine.CallStatus;

namespace Switchboard.Calls.Tests.Engine;

public sealed class CallStatusMachineTests
{
    [Fact]
    public void StatusMachine_FollowsTheAnsweredPath()
    {
        var machine = new CallStatusMachine(NullLogger.Instance);

        Assert.True(machine.TryTransitionTo(CallStatus.Trying));
        Assert.True(machine.TryTransitionTo(CallStatus.Ringing));
        Assert.True(machine.TryTransitionTo(CallStatus.EarlyMedia));
        Assert.True(machine.TryTransitionTo(CallStatus.InProgress));
        Assert.True(machine.TryTransitionTo(CallStatus.Completed));
        Assert.Equal(CallStatus.Completed, machine.Current);
    }

    [Theory]
    [InlineData(CallStatus.Completed)]
    [InlineData(CallStatus.Busy)]
    [InlineData(CallStatus.NoAnswer)]
    [InlineData(CallStatus.Failed)]
    [InlineData(CallStatus.Canceled)]
    public void StatusMachine_AfterAFinalStatus_RefusesEveryOther(CallStatus final)
    {
        var machine = new CallStatusMachine(NullLogger.Instance);
        machine.TryTransitionTo(CallStatus.Trying);
        if (final == CallStatus.Completed)
        {
            machine.TryTransitionTo(CallStatus.InProgress);
        }

        Assert.True(machine.TryTransitionTo(final));
        foreach (var next in Enum.GetValues<CallStatus>())
        {
            Assert.False(machine.TryTransitionTo(next));
        }

        Assert.Equal(final, machine.Current);
    }

    [Fact]
    public void StatusMachine_NeverCompletesACallThatWasNotAnswered()
    {
        var machine = new CallStatusMachine(NullLogger.Instance);
        machine.TryTransitionTo(CallStatus.Trying);
        machine.TryTransitionTo(CallStatus.Ringing);

        Assert.False(machine.TryTransitionTo(CallStatus.Completed));
        Assert.False(machine.TryTransitionTo(CallStatus.Trying));
        Assert.True(machine.TryTransitionTo(CallStatus.NoAnswer));
    }

    [Fact]
    public void StatusMachine_AnsweredCall_CannotBecomeBusy()
    {
        var machine = new CallStatusMachine(NullLogger.Instance);
        machine.TryTransitionTo(CallStatus.Trying);
        machine.TryTransitionTo(CallStatus.InProgress);

        Assert.False(machine.TryTransitionTo(CallStatus.Busy));
        Assert.False(machine.TryTransitionTo(CallStatus.NoAnswer));
        Assert.True(machine.TryTransitionTo(CallStatus.Failed));
    }

    [Fact]
    public void StatusMachine_ARepeatedStatus_IsNoMoveAndNoRefusal()
    {
        var machine = new CallStatusMachine(NullLogger.Instance);
        machine.TryTransitionTo(CallStatus.Trying);
        machine.TryTransitionTo(CallStatus.Ringing);
        var refusedBefore = StateMachineMetrics.IllegalTransitions;

        Assert.False(machine.TryTransitionTo(CallStatus.Ringing));

        Assert.Equal(CallStatus.Ringing, machine.Current);
        Assert.Equal(refusedBefore, StateMachineMetrics.IllegalTransitions);
    }

    /// <summary>
    /// The status diagram of docs/api/calls.md (<c>call_status_hook</c>): trying, ringing and early-media in either
    /// order, in-progress, then exactly one final status; before the answer a call ends busy, no-answer, canceled
    /// or failed, after it completed or failed. A queued call may be canceled or fail before it is tried.
    /// </summary>
    [Fact]
    public void Table_IsTheStatusDiagram()
    {
        CallStatus[] beforeAnswerEnds = [Busy, NoAnswer, Failed, Canceled];
        HashSet<(CallStatus, CallStatus)> diagram =
        [
            (Queued, Trying), (Queued, Failed), (Queued, Canceled),
            (Trying, Ringing), (Trying, EarlyMedia), (Trying, InProgress),
            (Ringing, EarlyMedia), (Ringing, InProgress),
            (EarlyMedia, Ringing), (EarlyMedia, InProgress),
            (InProgress, Completed), (InProgress, Failed),
        ];
        foreach (var ringing in new[] { Trying, Ringing, EarlyMedia })
        {
            foreach (var end in beforeAnswerEnds)
            {
                diagram.Add((ringing, end));
            }
        }

        Assert.Equal(diagram.Order(), CallStatusMachine.Transitions.Edges.Order());
    }
}
