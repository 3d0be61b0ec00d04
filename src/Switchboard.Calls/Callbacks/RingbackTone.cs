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

    public static AudioClip Clip { get; } = Create();

    private static AudioClip Create()
    {
        var samples = new short[CycleSamples];
        SoftTone.Write(samples.AsSpan(0, OnSamples), 4000, 440, 480);
        return new AudioClip(samples);
    }
}
