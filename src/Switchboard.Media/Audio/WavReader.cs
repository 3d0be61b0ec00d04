using System.Buffers.Binary;

namespace Switchboard.Media.Audio;

/// <summary>
/// Reads 16-bit PCM RIFF/WAVE: walks the chunks to find <c>fmt </c> and <c>data</c> (other chunks such as
/// LIST are skipped), and down-mixes multi-channel audio to mono.
/// </summary>
public static class WavReader
{
    private const ushort FormatPcm = 1;
    private const ushort FormatExtensible = 0xFFFE;

    public static WavAudio Read(ReadOnlySpan<byte> file)
    {
        if (file.Length < 12 || !file[..4].SequenceEqual("RIFF"u8) || !file[8..12].SequenceEqual("WAVE"u8))
        {
            throw new WavFormatException("not a RIFF/WAVE file");
        }

        int sampleRate = 0, channels = 0, bits = 0;
        var offset = 12;
        while (offset + 8 <= file.Length)
        {
            var id = file.Slice(offset, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(file[(offset + 4)..]);
            var body = offset + 8;

            // A writer streaming to a pipe cannot seek back to fix sizes (espeak-ng --stdout writes
            // 0x7FFFF000), so a chunk may claim more than there is: take what is there.
            var available = (int)Math.Min(size, (uint)(file.Length - body));
            if (id.SequenceEqual("fmt "u8))
            {
                if (available < 16)
                {
                    throw new WavFormatException("fmt chunk too short");
                }

                var format = BinaryPrimitives.ReadUInt16LittleEndian(file[body..]);
                channels = BinaryPrimitives.ReadUInt16LittleEndian(file[(body + 2)..]);
                sampleRate = BinaryPrimitives.ReadInt32LittleEndian(file[(body + 4)..]);
                bits = BinaryPrimitives.ReadUInt16LittleEndian(file[(body + 14)..]);
                if ((format != FormatPcm && format != FormatExtensible) || bits != 16 || channels < 1 || sampleRate <= 0)
                {
                    throw new WavFormatException($"unsupported WAV format {format}, {bits} bits, {channels} channels, {sampleRate} Hz");
                }
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (channels == 0)
                {
                    throw new WavFormatException("data chunk before fmt chunk");
                }

                return new WavAudio(sampleRate, ToMono(file.Slice(body, available), channels));
            }

            // RIFF chunks are padded to an even length.
            offset = body + (int)Math.Min(size + (size & 1), (uint)(file.Length - body));
        }

        throw new WavFormatException("no data chunk");
    }

    private static short[] ToMono(ReadOnlySpan<byte> data, int channels)
    {
        var frames = data.Length / (2 * channels);
        var samples = new short[frames];
        for (var i = 0; i < frames; i++)
        {
            var sum = 0;
            for (var c = 0; c < channels; c++)
            {
                sum += BinaryPrimitives.ReadInt16LittleEndian(data[(((i * channels) + c) * 2)..]);
            }

            samples[i] = (short)(sum / channels);
        }

        return samples;
    }
}
