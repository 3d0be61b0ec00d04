namespace Switchboard.Foundation.StateMachines;

/// <summary>
/// A machine's legal edges, declared once as a list (the RFC's figure or the documented diagram) and read by every
/// move. One type for every protocol and engine machine, so each one's table can be tested against its figure and
/// every illegal edge meets the same policy (<see cref="StateMachine{TState}"/>).
/// </summary>
public sealed class TransitionTable<TState>
    where TState : struct, Enum
{
    private readonly HashSet<(TState From, TState To)> _edges;

    private TransitionTable(string machine, HashSet<(TState From, TState To)> edges)
    {
        Machine = machine;
        _edges = edges;
    }

    /// <summary>The machine's name, as logs and the illegal-transition counter show it.</summary>
    public string Machine { get; }

    /// <summary>Every legal edge.</summary>
    public IReadOnlySet<(TState From, TState To)> Edges => _edges;

    /// <summary>Starts the declaration of <paramref name="machine"/>'s edges.</summary>
    public static Builder Declare(string machine) => new(machine);

    public bool IsLegal(TState from, TState to) => _edges.Contains((from, to));

    /// <summary>Collects edges; <see cref="Build"/> freezes them.</summary>
    public sealed class Builder
    {
        private readonly string _machine;
        private readonly HashSet<(TState From, TState To)> _edges = [];

        internal Builder(string machine) => _machine = machine;

        /// <summary>Allows <paramref name="from"/> to move to each of <paramref name="to"/>.</summary>
        public Builder Allow(TState from, params ReadOnlySpan<TState> to)
        {
            foreach (var next in to)
            {
                if (!_edges.Add((from, next)))
                {
                    throw new ArgumentException($"{_machine}: the edge {from} → {next} is declared twice", nameof(to));
                }
            }

            return this;
        }

        public TransitionTable<TState> Build() => new(_machine, [.. _edges]);
    }
}
