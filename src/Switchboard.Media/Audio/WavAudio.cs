namespace Switchboard.Media.Audio;

/// <summary>Mono 16-bit PCM at the file's own rate, as read by <see cref="WavReader"/>.</summary>
public sealed record WavAudio(int SampleRate, short[] Samples);
