using System.Buffers.Binary;

namespace Switchboard.Media.Audio;

/// <summary>
/// Reads RIFF/WAVE: walks the chunks to <c>fmt </c> and <c>data</c>, skipping others (LIST, fact, cue ...)
/// with their pad bytes, and decodes linear PCM (8-bit unsigned, 16/24/32-bit), IEEE float, A-law and µ-law,
/// plain or WAVE_FORMAT_EXTENSIBLE, down-mixing to mono at the file's own rate. Bad input of any kind raises
/// <see cref="WavFormatException"/> and nothing else; allocation is bounded by the bytes actually present,
/// never by what a header claims.
/// </summary>
public static class WavReader
{
    /// <summary>
    /// A data size at or above this is a streaming writer's placeholder, not a length: a writer to a pipe cannot
    /// seek back to fill it in (espeak-ng --stdout writes 0x7FFFF000, others 0xFFFFFFFF), so the data runs to the end.
    /// </summary>
    private const uint StreamingSize = 0x7FFF0000;

    /// <exception cref="WavFormatException">The bytes are not a readable WAVE file.</exception>
    public static WavAudio Read(ReadOnlySpan<byte> file)
    {
        if (file.Length >= 4 && file[..4].SequenceEqual("RF64"u8))
        {
            throw new WavFormatException("RF64 (64-bit WAVE) is not supported");
        }

        if (file.Length < 12 || !file[..4].SequenceEqual("RIFF"u8) || !file[8..12].SequenceEqual("WAVE"u8))
        {
            throw new WavFormatException("not a RIFF/WAVE file");
        }

        WavFormat? format = null;
        var offset = 12;
        while (file.Length - offset >= 8)
        {
            var id = file.Slice(offset, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(file[(offset + 4)..]);
            var body = offset + 8;
            var remaining = file.Length - body;
            if (id.SequenceEqual("data"u8))
            {
                if (format is not { } known)
                {
                    throw new WavFormatException("data chunk before fmt chunk");
                }

                if (size > remaining && size < StreamingSize)
                {
                    throw new WavFormatException($"truncated: the data chunk declares {size} bytes but {remaining} follow");
                }

                return new WavAudio(known.SampleRate, WavSampleDecoder.ToMono(file.Slice(body, (int)Math.Min(size, (uint)remaining)), known));
            }

            if (size > remaining)
            {
                throw new WavFormatException($"truncated: chunk '{Name(id)}' declares {size} bytes but {remaining} follow");
            }

            if (id.SequenceEqual("fmt "u8) && format is null)
            {
                format = WavFormat.Parse(file.Slice(body, (int)size));
            }

            // RIFF pads a chunk of odd length with one byte (the pad may be missing at the very end).
            offset = body + (int)Math.Min(size + (size & 1), (uint)remaining);
        }

        throw new WavFormatException(format is null ? "no fmt chunk" : "no data chunk");
    }

    private static string Name(ReadOnlySpan<byte> id)
    {
        Span<char> chars = stackalloc char[4];
        for (var i = 0; i < 4; i++)
        {
            chars[i] = id[i] is >= 0x20 and < 0x7F ? (char)id[i] : '?';
        }

        return new string(chars);
    }
}
