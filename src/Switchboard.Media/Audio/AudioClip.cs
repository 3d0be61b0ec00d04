namespace Switchboard.Media.Audio;

/// <summary>Immutable audio as 16-bit linear PCM, mono, 8,000 samples per second: the format every player consumes.</summary>
public sealed class AudioClip
{
    public const int SampleRate = 8000;

    public AudioClip(ReadOnlyMemory<short> samples) => Samples = samples;

    public ReadOnlyMemory<short> Samples { get; }

    public TimeSpan Duration => TimeSpan.FromSeconds((double)Samples.Length / SampleRate);
}
