using System.Diagnostics;
using System.Net;

namespace Switchboard.Bench.Media;

/// <summary>
/// The far ends of every stream in a bridge run: a few receiving sockets (<see cref="WireReceiver"/>) and the
/// <see cref="FrameGenerator"/> that speaks from them. Both relays under test (our bridges, rtpengine) get the
/// same far ends, the same SDP and the same input, so their figures compare directly.
/// </summary>
internal sealed class FarEnds : IDisposable
{
    private readonly WireReceiver[] _receivers;
    private FrameGenerator? _generator;
    private long _receiverDrops;
    private long _relayDrops;

    /// <param name="streamOf">Which stream an arriving packet belongs to, by its SSRC.</param>
    /// <param name="streams">How many streams the relay sends back to the far ends.</param>
    public FarEnds(Dictionary<uint, int> streamOf, int streams, int receiverCount, bool kernelTime)
    {
        _receivers = [.. Enumerable.Range(0, receiverCount).Select(_ => new WireReceiver(streamOf, streams, kernelTime, trackFrames: true))];
    }

    /// <summary>
    /// The SDP of stream <paramref name="stream"/>'s far end: PCMU and telephone-event at its receiver socket.
    /// </summary>
    public string SdpFor(int stream) =>
        "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
        + $"m=audio {ReceiverOf(stream).Port} RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=sendrecv\r\n";

    /// <summary>Starts receiving, and sends stream i to <paramref name="targets"/>[i] from its receiver socket.</summary>
    public void Start(IReadOnlyList<IPEndPoint> targets)
    {
        _generator = new FrameGenerator([.. targets.Select((target, stream) => (ReceiverOf(stream), target.Serialize()))]);
        foreach (var receiver in _receivers)
        {
            receiver.Start();
        }

        _generator.Start();
    }

    /// <summary>
    /// The measured window: generator and receivers count for <paramref name="window"/>; the kernel's drops are
    /// read at both ends for the receivers' sockets and for the relay's (the sockets of process
    /// <paramref name="relayProcessId"/> on a port <paramref name="relayPort"/> accepts). Returns the window's length.
    /// </summary>
    public async Task<TimeSpan> MeasureAsync(TimeSpan window, int relayProcessId, Func<int, bool> relayPort)
    {
        var receiverDropsStart = ReceiverDrops();
        var relayDropsStart = UdpDrops.Count(relayProcessId, relayPort);
        var clock = Stopwatch.StartNew();
        Measure(true);
        await Task.Delay(window);
        Measure(false);
        var elapsed = clock.Elapsed;
        _receiverDrops = ReceiverDrops() - receiverDropsStart;
        _relayDrops = UdpDrops.Count(relayProcessId, relayPort) - relayDropsStart;
        return elapsed;
    }

    /// <summary>Stops every thread and adds up what the receivers saw in the window.</summary>
    public async Task<FarEndFigures> StopAsync()
    {
        // One more frame each so the threads read their CPU clocks, then stop.
        await Task.Delay(100);
        Dispose();
        var deviations = new DeviationHistogram();
        var latencies = new DeviationHistogram();
        foreach (var receiver in _receivers)
        {
            deviations.Merge(receiver.Deviations);
            latencies.Merge(receiver.Latencies);
        }

        return new FarEndFigures(
            FramesSent: _generator?.Sent ?? 0,
            SendFailures: _generator?.SendFailures ?? 0,
            FramesDelivered: _receivers.Sum(r => r.FramesDelivered),
            FramesLost: _receivers.Sum(r => r.FramesLost),
            FramesLate: _receivers.Sum(r => r.FramesLate),
            FillPackets: _receivers.Sum(r => r.FillFrames),
            SequenceGaps: _receivers.Sum(r => r.Lost),
            LatePackets: _receivers.Sum(r => r.LatePackets),
            PacketsReceived: _receivers.Sum(r => r.Received),
            ReceiverDrops: _receiverDrops,
            RelayDrops: _relayDrops,
            Deviations: deviations,
            Latencies: latencies,
            Cpu: (_generator?.CpuTime ?? TimeSpan.Zero) + TimeSpan.FromTicks(_receivers.Sum(r => r.CpuTime.Ticks)));
    }

    public void Dispose()
    {
        _generator?.Dispose();
        foreach (var receiver in _receivers)
        {
            receiver.Dispose();
        }
    }

    private void Measure(bool on)
    {
        _generator?.Measure(on);
        foreach (var receiver in _receivers)
        {
            receiver.Measure(on);
        }
    }

    private long ReceiverDrops() => UdpDrops.Count(Environment.ProcessId, port => _receivers.Any(receiver => receiver.Port == port));

    private WireReceiver ReceiverOf(int stream) => _receivers[stream % _receivers.Length];
}
