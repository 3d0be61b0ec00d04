using Switchboard.Calls.Engine;

namespace Switchboard.Calls.Tests.Engine;

public sealed class CallStatusMachineTests
{
    [Fact]
    public void StatusMachine_FollowsTheAnsweredPath()
    {
        var machine = new CallStatusMachine();

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
        var machine = new CallStatusMachine();
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
        var machine = new CallStatusMachine();
        machine.TryTransitionTo(CallStatus.Trying);
        machine.TryTransitionTo(CallStatus.Ringing);

        Assert.False(machine.TryTransitionTo(CallStatus.Completed));
        Assert.False(machine.TryTransitionTo(CallStatus.Trying));
        Assert.True(machine.TryTransitionTo(CallStatus.NoAnswer));
    }

    [Fact]
    public void StatusMachine_AnsweredCall_CannotBecomeBusy()
    {
        var machine = new CallStatusMachine();
        machine.TryTransitionTo(CallStatus.Trying);
        machine.TryTransitionTo(CallStatus.InProgress);

        Assert.False(machine.TryTransitionTo(CallStatus.Busy));
        Assert.False(machine.TryTransitionTo(CallStatus.NoAnswer));
        Assert.True(machine.TryTransitionTo(CallStatus.Failed));
    }
}
