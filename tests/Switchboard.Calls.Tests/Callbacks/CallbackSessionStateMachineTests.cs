using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Calls.Callbacks;
using Switchboard.Foundation.StateMachines;
using static Switchboard.Calls.Callbacks.CallbackSessionState;

namespace Switchboard.Calls.Tests.Callbacks;

public sealed class CallbackSessionStateMachineTests
{
    [Fact]
    public void Sequential_GoesThroughCallingSecondAndBridgedToCompleted()
    {
        var state = new CallbackSessionStateMachine(CallingFirst, NullLogger.Instance);

        Assert.True(state.TryTransitionTo(CallingSecond));
        Assert.True(state.TryTransitionTo(Bridged));
        Assert.True(state.TryTransitionTo(Ending));
        Assert.True(state.TryTransitionTo(Completed));

        Assert.True(state.IsFinal);
    }

    [Theory]
    [InlineData(CallingFirst, Bridged)]
    [InlineData(CallingFirst, Failed)]
    [InlineData(CallingBoth, CallingSecond)]
    [InlineData(Bridged, Completed)]
    [InlineData(Ending, Bridged)]
    [InlineData(Completed, Ending)]
    [InlineData(Failed, Completed)]
    public void IllegalEdge_IsRefused_AndCounted(CallbackSessionState from, CallbackSessionState to)
    {
        var state = new CallbackSessionStateMachine(from, NullLogger.Instance);
        var refusedBefore = StateMachineMetrics.IllegalTransitions;

        Assert.False(state.TryTransitionTo(to));
        Assert.Equal(from, state.Current);
        Assert.True(StateMachineMetrics.IllegalTransitions > refusedBefore);
    }

    [Theory]
    [InlineData(CallingFirst)]
    [InlineData(CallingSecond)]
    [InlineData(CallingBoth)]
    [InlineData(Bridged)]
    public void EveryLiveState_CanEnd(CallbackSessionState from)
    {
        Assert.True(CallbackSessionStateMachine.IsLegal(from, Ending));
        Assert.False(CallbackSessionStateMachine.IsLegal(from, Completed));
    }

    /// <summary>
    /// docs/api/callback.md: CallingFirst then CallingSecond (sequential) or CallingBoth (simultaneous), Bridged,
    /// Ending, then Completed or Failed; a session that cannot go on ends from any state before the bridge.
    /// </summary>
    [Fact]
    public void Table_IsTheDocumentedStatusOrder()
    {
        HashSet<(CallbackSessionState, CallbackSessionState)> documented =
        [
            (CallingFirst, CallingSecond), (CallingFirst, Ending),
            (CallingSecond, Bridged), (CallingSecond, Ending),
            (CallingBoth, Bridged), (CallingBoth, Ending),
            (Bridged, Ending),
            (Ending, Completed), (Ending, Failed),
        ];

        Assert.Equal(documented.Order(), CallbackSessionStateMachine.Transitions.Edges.Order());
    }
}
