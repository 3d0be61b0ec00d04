using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using Switchboard.Calls.Engine;
using Switchboard.Calls.Engine.Messages;
using Switchboard.Media.Amd;
using Switchboard.Media.Sessions;

namespace Switchboard.Benchmarks.Calls;

/// <summary>
/// What answering-machine detection costs the media receive thread per call: four seconds of a greeting as
/// 200 packets of 20 ms, through the detector alone and through the call's tap (its lock and event hand-off on
/// top), each with a new detector as per call. Divide by 200 for one packet.
/// </summary>
[MemoryDiagnoser]
public class AmdTapBenchmarks
{
    private const int Packets = 200;
    private const int PacketSamples = 160;
    private readonly short[] _greeting = new short[Packets * PacketSamples];
    private readonly AmdEvent[] _events = new AmdEvent[AnsweringMachineDetector.MaxEvents];
    private readonly Channel<CallMessage> _inbox = Channel.CreateUnbounded<CallMessage>();

    [GlobalSetup]
    public void Setup()
    {
        // Syllables of a 140 Hz harmonic series, as in the detector's own benchmark.
        for (var n = 0; n < _greeting.Length; n++)
        {
            var syllable = Math.Sin(2 * Math.PI * 2.5 * n / 8000);
            var value = 0.0;
            for (var h = 1; h <= 20; h++)
            {
                value += Math.Sin(2 * Math.PI * 140 * h * n / 8000) / h;
            }

            _greeting[n] = (short)(value * 4000 * Math.Max(0, syllable));
        }
    }

    [Benchmark(Baseline = true)]
    public int DetectorAlone()
    {
        var detector = new AnsweringMachineDetector();
        var events = 0;
        for (var offset = 0; offset < _greeting.Length; offset += PacketSamples)
        {
            events += detector.Process(_greeting.AsSpan(offset, PacketSamples), _events);
        }

        return events;
    }

    [Benchmark]
    public int ThroughTheCallsTap()
    {
        using var tap = new AmdTap(new AnsweringMachineDetector(), _inbox.Writer, TimeProvider.System);
        for (var offset = 0; offset < _greeting.Length; offset += PacketSamples)
        {
            tap.OnAudio(AudioDirection.Received, _greeting.AsSpan(offset, PacketSamples));
        }

        var events = 0;
        while (_inbox.Reader.TryRead(out _))
        {
            events++;
        }

        return events;
    }
}
