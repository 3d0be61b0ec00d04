using Switchboard.Calls.Callbacks;

namespace Switchboard.Calls.Tests.Callbacks;

public sealed class CallbackSessionStateMachineTests
{
    [Fact]
    public void Sequential_GoesThroughCallingSecondAndBridgedToCompleted()
    {
        var state = new CallbackSessionStateMachine(CallbackSessionState.CallingFirst);

        state.TransitionTo(CallbackSessionState.CallingSecond);
        state.TransitionTo(CallbackSessionState.Bridged);
        state.TransitionTo(CallbackSessionState.Ending);
        state.TransitionTo(CallbackSessionState.Completed);

        Assert.True(state.IsFinal);
    }

    [Theory]
    [InlineData(CallbackSessionState.CallingFirst, CallbackSessionState.Bridged)]
    [InlineData(CallbackSessionState.CallingFirst, CallbackSessionState.Failed)]
    [InlineData(CallbackSessionState.CallingBoth, CallbackSessionState.CallingSecond)]
    [InlineData(CallbackSessionState.Bridged, CallbackSessionState.Completed)]
    [InlineData(CallbackSessionState.Ending, CallbackSessionState.Bridged)]
    [InlineData(CallbackSessionState.Completed, CallbackSessionState.Ending)]
    [InlineData(CallbackSessionState.Failed, CallbackSessionState.Completed)]
    public void IllegalEdge_IsRefused(CallbackSessionState from, CallbackSessionState to)
    {
        var state = new CallbackSessionStateMachine(from);

        Assert.Throws<InvalidOperationException>(() => state.TransitionTo(to));
        Assert.Equal(from, state.Current);
    }

    [Theory]
    [InlineData(CallbackSessionState.CallingFirst)]
    [InlineData(CallbackSessionState.CallingSecond)]
    [InlineData(CallbackSessionState.CallingBoth)]
    [InlineData(CallbackSessionState.Bridged)]
    public void EveryLiveState_CanEnd(CallbackSessionState from)
    {
        Assert.True(CallbackSessionStateMachine.IsLegal(from, CallbackSessionState.Ending));
        Assert.False(CallbackSessionStateMachine.IsLegal(from, CallbackSessionState.Completed));
    }
}
