using Microsoft.Extensions.Logging;
using Switchboard.Foundation.StateMachines;
using static Switchboard.Calls.Engine.CallStatus;

namespace Switchboard.Calls.Engine;

/// <summary>
/// The one place a call's status changes. Only forward edges are legal and a final status is final,
/// which is what guarantees exactly one final status per leg.
/// </summary>
public sealed class CallStatusMachine
{
    private readonly StateMachine<CallStatus> _state;

    public CallStatusMachine(ILogger logger) => _state = new StateMachine<CallStatus>(Transitions, Queued, logger);

    /// <summary>
    /// The status diagram: queued, trying, then ringing and early media in either order (a 180 may follow a 183),
    /// in-progress on the answer; busy, no-answer, canceled and failed end a call before the answer, completed or
    /// failed after it.
    /// </summary>
    public static TransitionTable<CallStatus> Transitions { get; } = TransitionTable<CallStatus>.Declare("call status")
        .Allow(Queued, Trying, Failed, Canceled)
        .Allow(Trying, Ringing, EarlyMedia, InProgress, Busy, NoAnswer, Failed, Canceled)
        .Allow(Ringing, EarlyMedia, InProgress, Busy, NoAnswer, Failed, Canceled)
        .Allow(EarlyMedia, Ringing, InProgress, Busy, NoAnswer, Failed, Canceled)
        .Allow(InProgress, Completed, Failed)
        .Build();

    public CallStatus Current => _state.Current;

    /// <summary>
    /// Moves to <paramref name="next"/> if that edge is legal; returns false (and stays) otherwise. Asking for the
    /// status the call already has (a second 180 while ringing) is no move and no refusal: it returns false quietly.
    /// </summary>
    public bool TryTransitionTo(CallStatus next) => next != Current && _state.TryTransitionTo(next);

    public static bool IsLegal(CallStatus from, CallStatus to) => Transitions.IsLegal(from, to);
}
