using NLayer;

namespace Switchboard.Media.Audio;

/// <summary>
/// Reads MPEG audio (MP3, and layers I and II) with NLayer, down-mixing to mono 16-bit at the file's own rate. Bad
/// input of any kind raises <see cref="Mp3FormatException"/> and nothing else; the decoded audio is bounded by
/// <see cref="MaxDuration"/>, because a small MP3 can decode to a great deal of PCM (a low-rate frame of 24 bytes
/// holds 576 samples).
/// </summary>
public static class Mp3Reader
{
    /// <summary>The longest audio decoded: ten minutes is 9.6 MB at 8 kHz, the cache's share of one clip.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Whether <paramref name="file"/> starts as MPEG audio does: an ID3v2 tag, or a frame header (11 sync bits, then
    /// a version, layer, bitrate and sample rate that are not reserved). Content types lie; the first bytes do not.
    /// </summary>
    public static bool LooksLikeMpegAudio(ReadOnlySpan<byte> file)
    {
        if (file.StartsWith("ID3"u8))
        {
            return true;
        }

        return file.Length >= 4
            && file[0] == 0xFF
            && (file[1] & 0xE0) == 0xE0
            && ((file[1] >> 3) & 0x03) != 0x01
            && ((file[1] >> 1) & 0x03) != 0x00
            && (file[2] >> 4) != 0x0F
            && ((file[2] >> 2) & 0x03) != 0x03;
    }

    /// <exception cref="Mp3FormatException">The bytes are not MPEG audio we can decode.</exception>
    public static WavAudio Read(byte[] file)
    {
        ArgumentNullException.ThrowIfNull(file);
        try
        {
            using var stream = new MemoryStream(file, writable: false);
            using var mpeg = new MpegFile(stream);
            return Decode(mpeg);
        }
        catch (Mp3FormatException)
        {
            throw;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // NLayer reports a damaged stream with whatever its parser hit (index, argument, end of stream ...).
            throw new Mp3FormatException("not decodable MPEG audio: " + exception.Message, exception);
        }
    }

    private static WavAudio Decode(MpegFile mpeg)
    {
        var rate = mpeg.SampleRate;
        var channels = mpeg.Channels;
        if (rate is < WavFormat.MinSampleRate or > WavFormat.MaxSampleRate || channels is < 1 or > 2)
        {
            throw new Mp3FormatException($"no MPEG audio frame (sample rate {rate}, {channels} channels)");
        }

        var maxSamples = (int)(rate * MaxDuration.TotalSeconds);
        var frame = new float[1152 * channels];
        var samples = new short[rate];
        var count = 0;
        int read;
        while ((read = mpeg.ReadSamples(frame, 0, frame.Length)) > 0)
        {
            var frames = read / channels;
            if (count + frames > maxSamples)
            {
                throw new Mp3FormatException($"decodes to more than {MaxDuration.TotalMinutes} minutes of audio");
            }

            if (count + frames > samples.Length)
            {
                Array.Resize(ref samples, Math.Min(Math.Max(samples.Length * 2, count + frames), maxSamples));
            }

            for (var i = 0; i < frames; i++)
            {
                var sum = 0f;
                for (var c = 0; c < channels; c++)
                {
                    sum += frame[(i * channels) + c];
                }

                samples[count++] = (short)Math.Clamp(sum / channels * 32767f, short.MinValue, short.MaxValue);
            }
        }

        if (count == 0)
        {
            throw new Mp3FormatException("no MPEG audio frame could be decoded");
        }

        return new WavAudio(rate, samples[..count]);
    }
}
