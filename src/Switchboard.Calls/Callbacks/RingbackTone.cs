using Switchboard.Media.Audio;

namespace Switchboard.Calls.Callbacks;

/// <summary>
/// What a leg that answered first hears while the other rings, unless the request gives hold audio: one
/// ring cycle of the North American ringback (440 Hz + 480 Hz, 2 s on, 4 s off; ATIS-0300011), looped.
/// </summary>
internal static class RingbackTone
{
    private const int OnSamples = AudioClip.SampleRate * 2;
    private const int CycleSamples = AudioClip.SampleRate * 6;
    private const int Ramp = AudioClip.SampleRate * 10 / 1000;

    public static AudioClip Clip { get; } = Create();

    private static AudioClip Create()
    {
        var samples = new short[CycleSamples];
        for (var i = 0; i < OnSamples; i++)
        {
            // Soft edges so the tone does not click on and off.
            var edge = Math.Min(1.0, Math.Min(i, OnSamples - 1 - i) / (double)Ramp);
            var t = (double)i / AudioClip.SampleRate;
            samples[i] = (short)(4000 * edge * (Math.Sin(2 * Math.PI * 440 * t) + Math.Sin(2 * Math.PI * 480 * t)));
        }

        return new AudioClip(samples);
    }
}
