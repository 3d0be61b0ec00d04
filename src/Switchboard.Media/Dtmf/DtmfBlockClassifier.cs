namespace Switchboard.Media.Dtmf;

/// <summary>
/// Decides whether one block of 8 kHz audio holds a DTMF key (ITU-T Q.23 frequencies), with the checks
/// Q.24 receivers use to reject speech and music: each tone within Q.24's frequency tolerance
/// (<see cref="DtmfToneMeasurement"/>), both tones above a level, each the clear peak of its group, twist
/// within limits, the pair carrying most of the block's energy, and no strong second harmonic of the
/// high-group tone (voice is rich in harmonics, a DTMF generator is not).
/// </summary>
internal static class DtmfBlockClassifier
{
    private static readonly double[] s_rowFrequencies = [697, 770, 852, 941];
    private static readonly double[] s_columnFrequencies = [1209, 1336, 1477, 1633];
    // The row filters then the column filters, run together (Goertzel.Powers).
    private static readonly float[] s_coefficients = [.. Coefficients(s_rowFrequencies, 1), .. Coefficients(s_columnFrequencies, 1)];
    private static readonly float[][] s_rowGrids = DtmfToneMeasurement.Grids(s_rowFrequencies, DtmfToneDetector.SampleRate);
    private static readonly float[][] s_columnGrids = DtmfToneMeasurement.Grids(s_columnFrequencies, DtmfToneDetector.SampleRate);

    // Q.23 keypad layout: row (low group) by column (high group).
    private static readonly char[] s_keys = ['1', '2', '3', 'A', '4', '5', '6', 'B', '7', '8', '9', 'C', '*', '0', '#', 'D'];

    /// <summary>
    /// Per-tone minimum: −30 dBm0. A 0 dBm0 sine has amplitude 10^(−3.17/20) of full scale in G.711
    /// (G.711 §4: the full-scale sine is +3.17 dBm0), so mean square 0.2389 with samples scaled to ±1.
    /// </summary>
    private const float MinimumTonePower = 0.2389f * 0.001f;

    /// <summary>The low group may exceed the high group by 8 dB ("normal twist", as in spandsp and Asterisk).</summary>
    private const float MaxLowOverHigh = 6.31f;

    /// <summary>The high group may exceed the low group by 4 dB ("reverse twist").</summary>
    private const float MaxHighOverLow = 2.51f;

    /// <summary>The chosen tone must beat every other tone of its group by 6 dB.</summary>
    private const float RelativePeak = 3.98f;

    /// <summary>
    /// The two tones must carry this share of the block's energy to start a key. Besides rejecting speech,
    /// this rejects blocks only partly filled by a tone (their share is about the filled fraction), so a
    /// 20 ms blip, which fills at most 80 of 102 samples of two blocks, never makes two qualifying blocks.
    /// </summary>
    private const float StrictToneShare = 0.85f;

    /// <summary>A key already on continues while its tones carry this share (noise must not split a press).</summary>
    private const float RelaxedToneShare = 0.5f;

    /// <summary>The high tone's second harmonic must be 10 dB below it.</summary>
    private const float MaxHarmonicShare = 0.1f;

    /// <summary>
    /// A filter at the nominal frequency still sees at least this share of a tone within the tolerance (the
    /// worst case, 1633 Hz at 2.25 %, keeps 0.69), so blocks below it skip the finer measurement.
    /// </summary>
    private const float NominalResponseFloor = 0.5f;

    /// <summary>
    /// Returns the key the block holds, or '\0'. With <paramref name="continuing"/> set, only that key is
    /// looked for and the peak and harmonic checks are skipped: they decide where a press starts, and
    /// applying them to every block would let a noise burst cut one press into two.
    /// </summary>
    public static char Classify(ReadOnlySpan<float> block, char continuing = '\0') => Classify(block, out _, out _, continuing);

    /// <summary>
    /// As <see cref="Classify(ReadOnlySpan{float}, char)"/>, also giving each tone's measured deviation from
    /// nominal in <see cref="DtmfToneMeasurement"/> grid steps, so that callers can tell a steady pair from a
    /// gliding one.
    /// </summary>
    public static char Classify(ReadOnlySpan<float> block, out int rowStep, out int columnStep, char continuing = '\0')
    {
        rowStep = columnStep = 0;
        Span<float> nominal = stackalloc float[8];
        Goertzel.Powers(block, s_coefficients, nominal);
        var row = Strongest(nominal[..4], out var rowNominal, out var rowRunnerUp);
        var column = Strongest(nominal[4..], out var columnNominal, out var columnRunnerUp);
        var key = s_keys[(row * 4) + column];
        if (continuing != '\0' && key != continuing)
        {
            return '\0';
        }

        var total = Goertzel.MeanSquare(block);
        var share = continuing != '\0' ? RelaxedToneShare : StrictToneShare;
        if (rowNominal < MinimumTonePower * NominalResponseFloor || columnNominal < MinimumTonePower * NominalResponseFloor
            || rowNominal + columnNominal < total * share * NominalResponseFloor)
        {
            return '\0';
        }

        var rowPower = DtmfToneMeasurement.Measure(block, s_rowGrids[row], out rowStep);
        var columnPower = DtmfToneMeasurement.Measure(block, s_columnGrids[column], out columnStep);
        if (Math.Abs(rowStep) > DtmfToneMeasurement.MaxDeviationSteps || Math.Abs(columnStep) > DtmfToneMeasurement.MaxDeviationSteps)
        {
            return '\0';
        }

        if (rowPower < MinimumTonePower || columnPower < MinimumTonePower
            || rowPower > columnPower * MaxLowOverHigh || columnPower > rowPower * MaxHighOverLow
            || rowPower + columnPower < total * share)
        {
            return '\0';
        }

        if (continuing != '\0')
        {
            return key;
        }

        if (rowPower < rowRunnerUp * RelativePeak || columnPower < columnRunnerUp * RelativePeak)
        {
            return '\0';
        }

        // The second harmonic of the tone as measured, not as nominal: a tone 2 % high has its harmonic 4 % high.
        var harmonic = Goertzel.Coefficient(2 * DtmfToneMeasurement.Frequency(s_columnFrequencies[column], columnStep), DtmfToneDetector.SampleRate);
        return Goertzel.Power(block, harmonic) > columnPower * MaxHarmonicShare ? '\0' : key;
    }

    private static int Strongest(ReadOnlySpan<float> powers, out float best, out float runnerUp)
    {
        var index = 0;
        best = -1;
        runnerUp = 0;
        for (var i = 0; i < powers.Length; i++)
        {
            var power = powers[i];
            if (power > best)
            {
                runnerUp = Math.Max(runnerUp, best);
                best = power;
                index = i;
            }
            else
            {
                runnerUp = Math.Max(runnerUp, power);
            }
        }

        return index;
    }

    private static float[] Coefficients(double[] frequencies, int harmonic) =>
        [.. frequencies.Select(f => Goertzel.Coefficient(f * harmonic, DtmfToneDetector.SampleRate))];
}
