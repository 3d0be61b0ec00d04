using Switchboard.Bench.Media;

namespace Switchboard.Bench.Streams;

/// <summary>
/// When each stream's last marked frame passed a point, in <see cref="System.Diagnostics.Stopwatch"/> ticks: the caller
/// notes when it sent a pulse, the agent when it got it (and echoed it), the RTP receiver when it heard it back.
/// </summary>
internal sealed class Stamps(int streams)
{
    public long[] CallerSent { get; } = new long[streams];

    public long[] AgentEchoed { get; } = new long[streams];

    public DeviationHistogram CallerToAgent { get; } = new();

    public DeviationHistogram AgentToRtp { get; } = new();

    public volatile bool Measuring;
}
