using BenchmarkDotNet.Attributes;
using Switchboard.Media.Streams;

namespace Switchboard.Benchmarks.Media;

/// <summary>
/// One 20 ms frame through a voice-agent stream's resampler each way: the caller's 8 kHz up to the agent's 16 kHz
/// (160 samples in, 320 out) and the agent's 16 kHz down to 8 kHz (320 in, 160 out). Every stream does both 50
/// times a second.
/// </summary>
[MemoryDiagnoser]
public class StreamResamplerBenchmarks
{
    private readonly short[] _narrow = new short[160];
    private readonly short[] _wide = new short[320];
    private readonly short[] _output = new short[400];
    private StreamResampler _up = null!;
    private StreamResampler _down = null!;

    [GlobalSetup]
    public void Setup()
    {
        for (var n = 0; n < _wide.Length; n++)
        {
            _wide[n] = (short)(8000 * Math.Sin(2 * Math.PI * 440 * n / 16000));
        }

        for (var n = 0; n < _narrow.Length; n++)
        {
            _narrow[n] = (short)(8000 * Math.Sin(2 * Math.PI * 440 * n / 8000));
        }

        _up = new StreamResampler(8000, 16000, 160);
        _down = new StreamResampler(16000, 8000, 320);
    }

    [Benchmark]
    public int UpOneFrame8To16kHz() => _up.Process(_narrow, _output);

    [Benchmark]
    public int DownOneFrame16To8kHz() => _down.Process(_wide, _output);
}
