namespace Switchboard.Media.Audio;

/// <summary>
/// Tones for progress and prompt sounds (ringback, a recording's beep): the sum of sine waves, faded in and out
/// over 10 ms so the tone does not click on and off.
/// </summary>
public static class SoftTone
{
    private const int Ramp = AudioClip.SampleRate * 10 / 1000;

    /// <summary>Fills <paramref name="destination"/> with the tone; each frequency peaks at <paramref name="amplitude"/>.</summary>
    public static void Write(Span<short> destination, double amplitude, params ReadOnlySpan<double> frequencies)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            var edge = Math.Min(1.0, Math.Min(i, destination.Length - 1 - i) / (double)Ramp);
            var t = (double)i / AudioClip.SampleRate;
            var sum = 0.0;
            foreach (var frequency in frequencies)
            {
                sum += Math.Sin(2 * Math.PI * frequency * t);
            }

            destination[i] = (short)(amplitude * edge * sum);
        }
    }
}
