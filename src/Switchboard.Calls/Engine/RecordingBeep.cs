using Switchboard.Media.Audio;

namespace Switchboard.Calls.Engine;

/// <summary>The beep a <c>record</c> verb plays before it listens: 1 kHz for 400 ms, with soft edges so it does not click.</summary>
internal static class RecordingBeep
{
    private const double Frequency = 1000;
    private const int Samples = AudioClip.SampleRate * 400 / 1000;
    private const int Ramp = AudioClip.SampleRate * 10 / 1000;

    public static AudioClip Clip { get; } = Create();

    private static AudioClip Create()
    {
        var samples = new short[Samples];
        for (var i = 0; i < samples.Length; i++)
        {
            var edge = Math.Min(1.0, Math.Min(i, samples.Length - 1 - i) / (double)Ramp);
            samples[i] = (short)(8000 * edge * Math.Sin(2 * Math.PI * Frequency * i / AudioClip.SampleRate));
        }

        return new AudioClip(samples);
    }
}
