using System.Numerics;

namespace Switchboard.Media.Amd;

/// <summary>
/// Tells voiced speech from noise by periodicity: the normalised autocorrelation of the frame against the
/// audio one pitch period earlier peaks near 1 for a vowel and stays low for noise. The peak must lie inside
/// the pitch range, not at its edge, so a low hum (whose autocorrelation only falls with the lag) is not voice.
/// </summary>
internal static class Voicing
{
    /// <summary>Shortest period searched: 20 samples, a 400 Hz pitch (a high female or child voice).</summary>
    public const int MinLag = 20;

    /// <summary>Longest period searched: 110 samples, a 73 Hz pitch (a low male voice).</summary>
    public const int MaxLag = 110;

    /// <summary>Correlation that counts as voiced. White noise over 160 samples peaks near 0.25 across 90 lags.</summary>
    private const float Threshold = 0.5f;

    /// <summary>
    /// Whether the last <paramref name="frameLength"/> samples of <paramref name="window"/> are voiced; the
    /// window holds at least <see cref="MaxLag"/> + 1 samples before them.
    /// </summary>
    public static bool IsVoiced(ReadOnlySpan<float> window, int frameLength)
    {
        var start = window.Length - frameLength;
        var current = window[start..];
        var currentEnergy = Dot(current, current);
        if (currentEnergy <= 0)
        {
            return false;
        }

        // Energy of the lagged frame for the first lag examined, then slid one sample per lag.
        var lag = MinLag - 1;
        var lagged = window.Slice(start - lag, frameLength);
        var laggedEnergy = Dot(lagged, lagged);
        float before = 0, previous = 0;
        for (; lag <= MaxLag + 1; lag++)
        {
            if (lag > MinLag - 1)
            {
                var entering = window[start - lag];
                var leaving = window[start - lag + frameLength];
                laggedEnergy += (entering * entering) - (leaving * leaving);
            }

            var r = laggedEnergy > 0
                ? Dot(current, window.Slice(start - lag, frameLength)) / MathF.Sqrt(currentEnergy * laggedEnergy)
                : 0;

            // previous is r(lag - 1): a local maximum inside the range.
            if (lag >= MinLag + 1 && previous >= Threshold && previous >= before && previous >= r)
            {
                return true;
            }

            before = previous;
            previous = r;
        }

        return false;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        }

        var total = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }
}
