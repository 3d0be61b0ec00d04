using System.Buffers.Binary;
using Switchboard.Media.Codecs;

namespace Switchboard.Media.Audio;

/// <summary>Turns the frames of a WAVE <c>data</c> chunk into mono 16-bit samples (channels averaged).</summary>
internal static class WavSampleDecoder
{
    /// <summary>Decodes the whole frames in <paramref name="data"/>; a trailing partial frame is dropped.</summary>
    public static short[] ToMono(ReadOnlySpan<byte> data, WavFormat format)
    {
        var frames = data.Length / format.BlockAlign;
        var samples = new short[frames];
        var width = format.BytesPerSample;
        for (var i = 0; i < frames; i++)
        {
            var frame = data.Slice(i * format.BlockAlign, format.BlockAlign);
            var sum = 0;
            for (var c = 0; c < format.Channels; c++)
            {
                sum += Sample(frame.Slice(c * width, width), format);
            }

            samples[i] = (short)(sum / format.Channels);
        }

        return samples;
    }

    private static short Sample(ReadOnlySpan<byte> bytes, WavFormat format) => format.Encoding switch
    {
        // 8-bit WAV PCM is unsigned with 128 as zero; wider PCM is signed, and its top 16 bits are kept.
        WavEncoding.Pcm => format.BitsPerSample switch
        {
            8 => (short)((bytes[0] - 128) << 8),
            16 => BinaryPrimitives.ReadInt16LittleEndian(bytes),
            24 => (short)((bytes[1] & 0xFF) | (bytes[2] << 8)),
            _ => (short)(BinaryPrimitives.ReadInt32LittleEndian(bytes) >> 16),
        },
        WavEncoding.IeeeFloat => FromFloat(format.BitsPerSample == 32
            ? BinaryPrimitives.ReadSingleLittleEndian(bytes)
            : BinaryPrimitives.ReadDoubleLittleEndian(bytes)),
        WavEncoding.ALaw => ALaw.Decode(bytes[0]),
        _ => MuLaw.Decode(bytes[0]),
    };

    private static short FromFloat(double value) =>
        double.IsNaN(value) ? (short)0 : (short)Math.Clamp(Math.Round(value * 32767), short.MinValue, short.MaxValue);
}
