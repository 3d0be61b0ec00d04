using Switchboard.Media.Dtmf;

namespace Switchboard.Media.Amd;

/// <summary>
/// Measures whether a frame is one pure tone: its frequency from the spacing of its zero crossings (located
/// between samples by linear interpolation, so a 20 ms frame resolves well under 1 Hz for a clean tone), then
/// the share of the frame's energy a Goertzel filter at that frequency finds. A sine filling the frame gives
/// a share near 1, a sine filling part of it about the filled fraction, speech and noise far less.
/// </summary>
internal static class ToneEstimator
{
    /// <summary>The frequency in Hz of <paramref name="frame"/> (DC removed) by zero crossings, or 0 with too few of them.</summary>
    public static double Frequency(ReadOnlySpan<float> frame, int sampleRate)
    {
        var crossings = 0;
        double first = 0, last = 0;
        for (var i = 1; i < frame.Length; i++)
        {
            var a = frame[i - 1];
            var b = frame[i];
            if ((a < 0) == (b < 0))
            {
                continue;
            }

            var at = (i - 1) + (a / (double)(a - b));
            if (crossings++ == 0)
            {
                first = at;
            }

            last = at;
        }

        // Crossings come twice per cycle: n crossings span (n - 1) half cycles.
        return crossings < 3 || last <= first ? 0 : (crossings - 1) * sampleRate / (2 * (last - first));
    }

    /// <summary>The share (0..1) of the frame's energy at <paramref name="frequency"/>.</summary>
    public static float Share(ReadOnlySpan<float> frame, double frequency, int sampleRate)
    {
        var total = Goertzel.MeanSquare(frame);
        return total <= 0 ? 0 : Goertzel.Power(frame, Goertzel.Coefficient(frequency, sampleRate)) / total;
    }
}
