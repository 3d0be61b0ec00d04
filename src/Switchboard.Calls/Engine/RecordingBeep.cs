using Switchboard.Media.Audio;

namespace Switchboard.Calls.Engine;

/// <summary>The beep a <c>record</c> verb plays before it listens: 1 kHz for 400 ms, with soft edges so it does not click.</summary>
internal static class RecordingBeep
{
    private const int Samples = AudioClip.SampleRate * 400 / 1000;

    public static AudioClip Clip { get; } = Create();

    private static AudioClip Create()
    {
        var samples = new short[Samples];
        SoftTone.Write(samples, 8000, 1000);
        return new AudioClip(samples);
    }
}
