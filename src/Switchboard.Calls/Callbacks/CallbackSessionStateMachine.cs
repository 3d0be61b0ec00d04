using Microsoft.Extensions.Logging;
using Switchboard.Foundation.StateMachines;
using static Switchboard.Calls.Callbacks.CallbackSessionState;

namespace Switchboard.Calls.Callbacks;

/// <summary>
/// The one place a session's state changes. A session only moves forward: calling, bridged, ending, and one
/// final state reached only through <see cref="Ending"/>, once every leg has ended.
/// </summary>
public sealed class CallbackSessionStateMachine(CallbackSessionState initial, ILogger logger)
{
    private readonly StateMachine<CallbackSessionState> _state = new(Transitions, initial, logger);

    /// <summary>The session's documented statuses (docs/api/callback.md) and the order they come in.</summary>
    public static TransitionTable<CallbackSessionState> Transitions { get; } = TransitionTable<CallbackSessionState>.Declare("callback session")
        .Allow(CallingFirst, CallingSecond, Ending)
        .Allow(CallingSecond, Bridged, Ending)
        .Allow(CallingBoth, Bridged, Ending)
        .Allow(Bridged, Ending)
        .Allow(Ending, Completed, Failed)
        .Build();

    public CallbackSessionState Current => _state.Current;

    public bool IsFinal => Current is Completed or Failed;

    /// <summary>Moves to <paramref name="next"/> when the edge is legal; otherwise stays, logs and counts, and returns false.</summary>
    public bool TryTransitionTo(CallbackSessionState next) => _state.TryTransitionTo(next);

    public static bool IsLegal(CallbackSessionState from, CallbackSessionState to) => Transitions.IsLegal(from, to);
}
