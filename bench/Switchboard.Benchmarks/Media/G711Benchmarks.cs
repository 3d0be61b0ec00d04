using BenchmarkDotNet.Attributes;
using Switchboard.Media.Codecs;

namespace Switchboard.Benchmarks.Media;

/// <summary>Encoding one 20 ms frame (160 samples), the per-tick work of every outgoing stream.</summary>
[MemoryDiagnoser]
public class G711Benchmarks
{
    private readonly short[] _frame = new short[160];
    private readonly byte[] _encoded = new byte[160];
    private readonly short[] _decoded = new short[160];

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < _frame.Length; i++)
        {
            _frame[i] = (short)(Math.Sin(i * 2 * Math.PI * 1000 / 8000) * 12000);
        }

        G711Codec.Pcmu.Encode(_frame, _encoded);
    }

    [Benchmark(Baseline = true)]
    public void EncodePcmuFrame() => MuLaw.Encode(_frame, _encoded);

    [Benchmark]
    public void EncodePcmaFrame() => ALaw.Encode(_frame, _encoded);

    [Benchmark]
    public void DecodePcmuFrame() => MuLaw.Decode(_encoded, _decoded);
}
