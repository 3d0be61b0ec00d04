namespace Switchboard.Media.Tests.Support;

/// <summary>Synthetic 8 kHz test signals: DTMF key tones (ITU-T Q.23), silence, white noise, chords.</summary>
internal static class DtmfSignal
{
    public const string Keys = "123A456B789C*0#D";

    private static readonly double[] s_rows = [697, 770, 852, 941];
    private static readonly double[] s_columns = [1209, 1336, 1477, 1633];

    /// <summary>Amplitude (of full scale) of a sine at <paramref name="dBm0"/> (G.711: full-scale sine = +3.17 dBm0).</summary>
    public static double Amplitude(double dBm0) => Math.Pow(10, (dBm0 - 3.17) / 20);

    public static short[] Tone(char key, int milliseconds, double lowDbm0 = -10, double highDbm0 = -10, double phase = 0)
    {
        var index = Keys.IndexOf(key, StringComparison.Ordinal);
        return Sines(
            milliseconds,
            (s_rows[index / 4], Amplitude(lowDbm0), phase),
            (s_columns[index % 4], Amplitude(highDbm0), phase * 1.7));
    }

    public static short[] Sines(int milliseconds, params (double Frequency, double Amplitude, double Phase)[] parts)
    {
        var samples = new short[milliseconds * 8];
        for (var n = 0; n < samples.Length; n++)
        {
            var value = 0.0;
            foreach (var (frequency, amplitude, phase) in parts)
            {
                value += amplitude * Math.Sin((2 * Math.PI * frequency * n / 8000) + phase);
            }

            samples[n] = (short)Math.Clamp(value * 32767, short.MinValue, short.MaxValue);
        }

        return samples;
    }

    public static short[] Silence(int milliseconds) => new short[milliseconds * 8];

    public static short[] Concat(params short[][] parts) => [.. parts.SelectMany(p => p)];

    /// <summary>Adds Gaussian white noise at <paramref name="snrDb"/> below the signal's mean-square power.</summary>
    public static short[] WithNoise(short[] signal, double snrDb, int seed)
    {
        var power = signal.Average(s => (double)s * s);
        var sigma = Math.Sqrt(power / Math.Pow(10, snrDb / 10));
        var random = new Random(seed);
        var result = new short[signal.Length];
        for (var i = 0; i < signal.Length; i++)
        {
            // Box-Muller.
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            result[i] = (short)Math.Clamp(signal[i] + (gaussian * sigma), short.MinValue, short.MaxValue);
        }

        return result;
    }
}
