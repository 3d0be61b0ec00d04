using System.Collections.Concurrent;

namespace Switchboard.Media.Audio;

/// <summary>
/// Turns audio files (WAVE, MP3) into <see cref="AudioClip"/>s: decoded, down-mixed and resampled to 8 kHz with the
/// windowed-sinc <see cref="Resampler"/>.
/// </summary>
public static class AudioDecoder
{
    /// <summary>
    /// The resampler needs one filter phase per output sample of the rate ratio's period; past this many it
    /// would cost more memory than the audio. A rate whose exact ratio needs more is rounded to the nearest
    /// 10 Hz (at most 800 phases), a pitch error under 0.13 % (2 cents) at the lowest accepted rate.
    /// </summary>
    private const int MaxPhases = 800;

    /// <summary>
    /// Filter banks are kept for the common rates only (tens of kilobytes each); a file may name any rate, and
    /// a cache keyed by whatever files say would grow without bound.
    /// </summary>
    private static readonly int[] s_commonRates = [11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000, 96000];

    private static readonly ConcurrentDictionary<int, Resampler> s_resamplers = new();

    /// <summary>Decodes a WAVE file to an 8 kHz clip.</summary>
    /// <exception cref="WavFormatException">The bytes are not a readable WAVE file.</exception>
    public static AudioClip FromWav(ReadOnlySpan<byte> file) => To8kHz(WavReader.Read(file));

    /// <summary>
    /// Decodes a WAVE or MPEG audio (MP3) file to an 8 kHz clip, telling them apart by their first bytes (a RIFF
    /// header; an ID3 tag or an MPEG frame header), never by what a server called them.
    /// </summary>
    /// <exception cref="AudioFormatException">The bytes are neither a readable WAVE file nor decodable MPEG audio.</exception>
    public static AudioClip Decode(byte[] file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return !file.AsSpan().StartsWith("RIFF"u8) && Mp3Reader.LooksLikeMpegAudio(file)
            ? To8kHz(Mp3Reader.Read(file))
            : FromWav(file);
    }

    /// <summary>Resamples mono audio to the 8 kHz of an <see cref="AudioClip"/>.</summary>
    public static AudioClip To8kHz(WavAudio audio)
    {
        ArgumentNullException.ThrowIfNull(audio);
        if (audio.SampleRate == AudioClip.SampleRate)
        {
            return new AudioClip(audio.Samples);
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(audio.SampleRate, WavFormat.MinSampleRate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(audio.SampleRate, WavFormat.MaxSampleRate);
        var rate = AudioClip.SampleRate / Gcd(audio.SampleRate, AudioClip.SampleRate) > MaxPhases
            ? (int)Math.Round(audio.SampleRate / 10.0) * 10
            : audio.SampleRate;
        var resampler = Array.IndexOf(s_commonRates, rate) >= 0
            ? s_resamplers.GetOrAdd(rate, r => new Resampler(r, AudioClip.SampleRate))
            : new Resampler(rate, AudioClip.SampleRate);
        return new AudioClip(resampler.Process(audio.Samples));
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
