namespace Switchboard.Media.Audio;

/// <summary>
/// A second-order Butterworth high-pass (a biquad from R. Bristow-Johnson's "Audio EQ Cookbook"), run over a whole
/// signal in place: 12 dB per octave below the corner; run it twice for 24.
/// </summary>
internal static class HighPassFilter
{
    public static void Apply(Span<double> samples, int rate, double cornerHz)
    {
        var w0 = 2 * Math.PI * cornerHz / rate;
        var alpha = Math.Sin(w0) / (2 * Math.Sqrt(0.5));
        var cos = Math.Cos(w0);
        var a0 = 1 + alpha;
        double b0 = (1 + cos) / 2 / a0, b1 = -(1 + cos) / a0, b2 = (1 + cos) / 2 / a0;
        double a1 = -2 * cos / a0, a2 = (1 - alpha) / a0;
        double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
        for (var i = 0; i < samples.Length; i++)
        {
            var x0 = samples[i];
            var y0 = (b0 * x0) + (b1 * x1) + (b2 * x2) - (a1 * y1) - (a2 * y2);
            (x2, x1, y2, y1) = (x1, x0, y1, y0);
            samples[i] = y0;
        }
    }
}
