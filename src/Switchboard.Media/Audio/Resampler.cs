namespace Switchboard.Media.Audio;

/// <summary>
/// Rational-ratio sample-rate converter: a Blackman-windowed sinc low-pass evaluated as a polyphase filter
/// bank (one coefficient set per output phase, computed once). When downsampling the cut-off sits below the
/// output Nyquist frequency so nothing above it folds back as aliasing (e.g. 22,050 Hz TTS to 8 kHz G.711).
/// </summary>
public sealed class Resampler
{
    private const int MaxPhases = 4096;

    private readonly int _up;
    private readonly int _down;
    private readonly int _halfTaps;
    private readonly float[][] _phases;

    /// <param name="inputRate">Samples per second in.</param>
    /// <param name="outputRate">Samples per second out.</param>
    /// <param name="zeroCrossings">Sinc lobes on each side: more is sharper and slower.</param>
    public Resampler(int inputRate, int outputRate, int zeroCrossings = 16)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(zeroCrossings);
        var gcd = Gcd(inputRate, outputRate);
        _up = outputRate / gcd;
        _down = inputRate / gcd;
        if (_up > MaxPhases)
        {
            throw new ArgumentException($"Ratio {outputRate}/{inputRate} needs {_up} filter phases; at most {MaxPhases} are supported.");
        }

        InputRate = inputRate;
        OutputRate = outputRate;

        // Cut-off as a fraction of the input Nyquist frequency, with a margin for the transition band.
        var cutoff = Math.Min(1.0, (double)outputRate / inputRate) * 0.9;
        _halfTaps = (int)Math.Ceiling(zeroCrossings / cutoff);
        _phases = new float[_up][];
        for (var phase = 0; phase < _up; phase++)
        {
            _phases[phase] = BuildPhase((double)phase / _up, cutoff);
        }
    }

    public int InputRate { get; }

    public int OutputRate { get; }

    /// <summary>Output samples per <see cref="Down"/> input samples (the ratio in lowest terms).</summary>
    internal int Up => _up;

    internal int Down => _down;

    /// <summary>Input samples each side of an output instant that its filter reads.</summary>
    internal int HalfTaps => _halfTaps;

    /// <summary>The coefficients of output phase <paramref name="phase"/> (0 to <see cref="Up"/> - 1), <c>2 * HalfTaps</c> long.</summary>
    internal float[] Phase(int phase) => _phases[phase];

    /// <summary>Converts a whole signal (samples beyond either end count as silence).</summary>
    public short[] Process(ReadOnlySpan<short> input)
    {
        var outputLength = (int)((long)input.Length * _up / _down);
        var output = new short[outputLength];
        for (var n = 0; n < outputLength; n++)
        {
            // Output sample n sits at input position n * down / up = center + phase / up.
            var position = (long)n * _down;
            var center = (int)(position / _up);
            var coefficients = _phases[(int)(position % _up)];
            var first = center - _halfTaps + 1;
            double sum = 0;
            for (var k = 0; k < coefficients.Length; k++)
            {
                var index = first + k;
                if ((uint)index < (uint)input.Length)
                {
                    sum += coefficients[k] * input[index];
                }
            }

            output[n] = (short)Math.Clamp(Math.Round(sum), short.MinValue, short.MaxValue);
        }

        return output;
    }

    private float[] BuildPhase(double fraction, double cutoff)
    {
        // Taps cover input samples center-halfTaps+1 .. center+halfTaps; x is each one's distance from the
        // output instant in input samples.
        var taps = new double[2 * _halfTaps];
        double total = 0;
        for (var k = 0; k < taps.Length; k++)
        {
            var x = (k - _halfTaps + 1) - fraction;
            var sinc = x == 0 ? 1.0 : Math.Sin(Math.PI * cutoff * x) / (Math.PI * cutoff * x);
            var w = (x / _halfTaps + 1) / 2; // 0..1 across the window
            var window = w is < 0 or > 1
                ? 0
                : 0.42 - (0.5 * Math.Cos(2 * Math.PI * w)) + (0.08 * Math.Cos(4 * Math.PI * w));
            taps[k] = sinc * window;
            total += taps[k];
        }

        // Normalise each phase to unity gain at DC, so a constant stays constant whatever the phase.
        var result = new float[taps.Length];
        for (var k = 0; k < taps.Length; k++)
        {
            result[k] = (float)(taps[k] / total);
        }

        return result;
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
