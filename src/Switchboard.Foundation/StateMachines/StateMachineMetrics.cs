using System.Diagnostics.Metrics;

namespace Switchboard.Foundation.StateMachines;

/// <summary>
/// Counts refused transitions of every machine (<c>switchboard.state_machine.illegal_transitions</c>, tagged with
/// the machine and the edge), so a refusal shows in metrics, not only in a log line.
/// </summary>
public static class StateMachineMetrics
{
    public const string MeterName = "Switchboard.StateMachines";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Illegal = Meter.CreateCounter<long>(
        "switchboard.state_machine.illegal_transitions", description: "Transitions a state machine refused because its table has no such edge.");

    private static long _total;

    /// <summary>Refusals since the process started, over every machine.</summary>
    public static long IllegalTransitions => Interlocked.Read(ref _total);

    internal static void CountIllegal(string machine, string from, string to)
    {
        Interlocked.Increment(ref _total);
        Illegal.Add(1, new KeyValuePair<string, object?>("machine", machine), new KeyValuePair<string, object?>("from", from), new KeyValuePair<string, object?>("to", to));
    }
}
