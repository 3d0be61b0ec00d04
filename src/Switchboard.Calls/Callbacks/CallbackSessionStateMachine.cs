namespace Switchboard.Calls.Callbacks;

/// <summary>
/// The one place a session's state changes. A session only moves forward: calling, bridged, ending, and one
/// final state reached only through <see cref="CallbackSessionState.Ending"/>, once every leg has ended.
/// </summary>
public sealed class CallbackSessionStateMachine(CallbackSessionState initial)
{
    public CallbackSessionState Current { get; private set; } = initial;

    public bool IsFinal => Current is CallbackSessionState.Completed or CallbackSessionState.Failed;

    /// <exception cref="InvalidOperationException">The edge is not legal: a bug in the session.</exception>
    public void TransitionTo(CallbackSessionState next)
    {
        if (!IsLegal(Current, next))
        {
            throw new InvalidOperationException($"a callback session cannot go from {Current} to {next}");
        }

        Current = next;
    }

    public static bool IsLegal(CallbackSessionState from, CallbackSessionState to) => from switch
    {
        CallbackSessionState.CallingFirst => to is CallbackSessionState.CallingSecond or CallbackSessionState.Ending,
        CallbackSessionState.CallingSecond or CallbackSessionState.CallingBoth => to is CallbackSessionState.Bridged or CallbackSessionState.Ending,
        CallbackSessionState.Bridged => to is CallbackSessionState.Ending,
        CallbackSessionState.Ending => to is CallbackSessionState.Completed or CallbackSessionState.Failed,
        _ => false,
    };
}
