using BenchmarkDotNet.Attributes;
using Switchboard.Media.Amd;

namespace Switchboard.Benchmarks.Media;

/// <summary>
/// Answering-machine detection over five seconds of audio (250 frames), a new detector each time as per call:
/// voiced speech takes the costly path (pitch search), silence the cheap one.
/// </summary>
[MemoryDiagnoser]
public class AmdBenchmarks
{
    private readonly short[] _speech = new short[5 * 8000];
    private readonly short[] _silence = new short[5 * 8000];
    private readonly AmdEvent[] _events = new AmdEvent[AnsweringMachineDetector.MaxEvents];

    [GlobalSetup]
    public void Setup()
    {
        // A 140 Hz harmonic series, periodic like a vowel, in 200 ms syllables: the pauses keep the noise floor
        // down, so every syllable frame takes the pitch search.
        for (var n = 0; n < _speech.Length; n++)
        {
            var syllable = Math.Sin(2 * Math.PI * 2.5 * n / 8000);
            var value = 0.0;
            for (var h = 1; h <= 20; h++)
            {
                value += Math.Sin(2 * Math.PI * 140 * h * n / 8000) / h;
            }

            _speech[n] = (short)(value * 4000 * Math.Max(0, syllable));
        }
    }

    [Benchmark(Baseline = true)]
    public int FiveSecondsOfSpeech() => new AnsweringMachineDetector().Process(_speech, _events);

    [Benchmark]
    public int FiveSecondsOfSilence() => new AnsweringMachineDetector().Process(_silence, _events);
}
