namespace Switchboard.Media.Dtmf;

/// <summary>
/// Measures one DTMF tone whose frequency may be off its nominal value: Goertzel filters on a grid of
/// ±<see cref="GridSteps"/> × 0.5 % around it. The strongest gives the tone's power without the scalloping
/// loss a single filter at the nominal frequency suffers (up to 1.7 dB at Q.24's 1.5 % + 2 Hz over a
/// 102-sample block), and its position gives the deviation Q.24 §3 bounds: operate within ±(1.5 % + 2 Hz),
/// do not operate at ±3.5 %. The limit, <see cref="MaxDeviationSteps"/> steps (a peak nearest 2 %, so tones up
/// to 2.25 % off), lies between, clear of the 1.8 % that 1.5 % + 2 Hz means at 697 Hz.
/// </summary>
internal static class DtmfToneMeasurement
{
    public const int GridSteps = 8;

    public const int MaxDeviationSteps = 4;

    private const double StepFraction = 0.005;

    /// <summary>The Goertzel coefficients of each grid, by nominal frequency.</summary>
    public static float[][] Grids(double[] frequencies, int sampleRate) =>
        [.. frequencies.Select(f => Enumerable.Range(-GridSteps, (2 * GridSteps) + 1)
            .Select(step => Goertzel.Coefficient(f * (1 + (step * StepFraction)), sampleRate))
            .ToArray())];

    /// <summary>The frequency of grid point <paramref name="step"/> around <paramref name="nominal"/>.</summary>
    public static double Frequency(double nominal, int step) => nominal * (1 + (step * StepFraction));

    /// <summary>The tone's power (peak over the grid) and the peak's step from nominal (−GridSteps..GridSteps).</summary>
    public static float Measure(ReadOnlySpan<float> block, float[] grid, out int step)
    {
        var best = -1f;
        step = 0;
        for (var i = 0; i < grid.Length; i++)
        {
            var power = Goertzel.Power(block, grid[i]);
            if (power > best)
            {
                best = power;
                step = i - GridSteps;
            }
        }

        return best;
    }
}
