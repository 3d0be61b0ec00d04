using System.Numerics;

namespace Switchboard.Media.Dtmf;

/// <summary>
/// The Goertzel algorithm: the power of one DFT term, here at an exact (not necessarily integer-bin)
/// frequency, in N multiply-adds and no allocation.
/// </summary>
internal static class Goertzel
{
    /// <summary>The recurrence coefficient 2·cos(2πf/fs).</summary>
    public static float Coefficient(double frequency, int sampleRate) =>
        (float)(2 * Math.Cos(2 * Math.PI * frequency / sampleRate));

    /// <summary>
    /// The mean-square power of the component at the filter's frequency, scaled so that a sine of
    /// amplitude A gives A²/2, the same scale as <see cref="MeanSquare"/> (|X|² = A²N²/4, so 2|X|²/N²).
    /// </summary>
    public static float Power(ReadOnlySpan<float> block, float coefficient)
    {
        float s1 = 0, s2 = 0;
        foreach (var x in block)
        {
            var s = x + (coefficient * s1) - s2;
            s2 = s1;
            s1 = s;
        }

        var magnitudeSquared = (s1 * s1) + (s2 * s2) - (coefficient * s1 * s2);
        return 2 * magnitudeSquared / ((float)block.Length * block.Length);
    }

    /// <summary>
    /// <see cref="Power"/> for each of <paramref name="coefficients"/>, written to <paramref name="powers"/>. The
    /// filters run side by side, one per SIMD lane: each recurrence waits on its previous step, so one filter at a
    /// time leaves the processor idle between steps, and eight at once cost about what one does.
    /// </summary>
    public static void Powers(ReadOnlySpan<float> block, ReadOnlySpan<float> coefficients, Span<float> powers)
    {
        var lanes = Vector<float>.Count;
        var first = 0;
        for (; first + lanes <= coefficients.Length; first += lanes)
        {
            var coefficient = new Vector<float>(coefficients[first..]);
            var s1 = Vector<float>.Zero;
            var s2 = Vector<float>.Zero;
            foreach (var x in block)
            {
                var s = new Vector<float>(x) + (coefficient * s1) - s2;
                s2 = s1;
                s1 = s;
            }

            var magnitudeSquared = (s1 * s1) + (s2 * s2) - (coefficient * s1 * s2);
            (magnitudeSquared * (2f / ((float)block.Length * block.Length))).CopyTo(powers[first..]);
        }

        for (; first < coefficients.Length; first++)
        {
            powers[first] = Power(block, coefficients[first]);
        }
    }

    /// <summary>The block's mean-square power (its total energy per sample).</summary>
    public static float MeanSquare(ReadOnlySpan<float> block)
    {
        float sum = 0;
        foreach (var x in block)
        {
            sum += x * x;
        }

        return sum / block.Length;
    }
}
