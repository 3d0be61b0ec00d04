using Microsoft.Extensions.Logging;

namespace Switchboard.Foundation.StateMachines;

/// <summary>
/// The current state of one machine, moved only along its <see cref="TransitionTable{TState}"/>. An illegal edge
/// is refused the same way everywhere: the state stays, the refusal is logged and counted
/// (<see cref="StateMachineMetrics"/>), and the caller learns it from the return value. Never silent, never thrown:
/// a late or crossed event on a live call must not crash it.
/// </summary>
/// <remarks>Not thread-safe: a machine belongs to one loop or sits behind its owner's lock.</remarks>
public sealed class StateMachine<TState>(TransitionTable<TState> table, TState initial, ILogger logger)
    where TState : struct, Enum
{
    public TState Current { get; private set; } = initial;

    public TransitionTable<TState> Table => table;

    /// <summary>Moves to <paramref name="next"/> when the edge is legal; otherwise stays, logs and counts, and returns false.</summary>
    public bool TryTransitionTo(TState next)
    {
        if (!table.IsLegal(Current, next))
        {
            StateMachineMetrics.CountIllegal(table.Machine, Current.ToString(), next.ToString());
            StateMachineLog.IllegalTransition(logger, table.Machine, Current.ToString(), next.ToString());
            return false;
        }

        Current = next;
        return true;
    }
}
