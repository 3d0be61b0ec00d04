using BenchmarkDotNet.Attributes;
using Switchboard.Media.Dtmf;

namespace Switchboard.Benchmarks.Media;

/// <summary>
/// One second of speech-like audio (50 frames of 20 ms) through the in-band DTMF detector every call's received
/// audio passes: the common case, where no key is pressed and every block takes the eight-filter check.
/// </summary>
[MemoryDiagnoser]
public class DtmfToneDetectorBenchmarks
{
    private readonly short[] _second = new short[8000];
    private readonly DtmfDigit[] _digits = new DtmfDigit[4];
    private readonly DtmfToneDetector _detector = new();

    [GlobalSetup]
    public void Setup()
    {
        for (var n = 0; n < _second.Length; n++)
        {
            var value = 0.0;
            for (var h = 1; h <= 12; h++)
            {
                value += Math.Sin(2 * Math.PI * 130 * h * n / 8000) / h;
            }

            _second[n] = (short)(value * 5000);
        }
    }

    [Benchmark]
    public int OneSecondOfSpeech()
    {
        var found = 0;
        for (var frame = 0; frame < 50; frame++)
        {
            found += _detector.Process(_second.AsSpan(frame * 160, 160), _digits);
        }

        return found;
    }
}
