using System.Buffers.Binary;

namespace Switchboard.Media.Audio;

/// <summary>
/// The <c>fmt </c> chunk of a WAVE file: WAVEFORMATEX, or WAVE_FORMAT_EXTENSIBLE whose sub-format GUID carries
/// the real format tag. Parsing checks that the numbers agree and are within reason, so a lying header is
/// refused here rather than turned into a huge allocation or a wrong pitch later.
/// </summary>
public readonly record struct WavFormat(WavEncoding Encoding, int Channels, int SampleRate, int BitsPerSample)
{
    public const int MinSampleRate = 4000;
    public const int MaxSampleRate = 384_000;
    public const int MaxChannels = 16;

    private const ushort TagExtensible = 0xFFFE;

    /// <summary>The tail shared by every KSDATAFORMAT_SUBTYPE GUID; the first four bytes hold the format tag.</summary>
    private static ReadOnlySpan<byte> SubFormatSuffix => [0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    /// <summary>Bytes per sample of one channel.</summary>
    public int BytesPerSample => BitsPerSample / 8;

    /// <summary>Bytes per frame (one sample of every channel).</summary>
    public int BlockAlign => BytesPerSample * Channels;

    /// <exception cref="WavFormatException">The chunk is short, unsupported, or inconsistent.</exception>
    public static WavFormat Parse(ReadOnlySpan<byte> chunk)
    {
        if (chunk.Length < 16)
        {
            throw new WavFormatException($"fmt chunk is {chunk.Length} bytes; at least 16 are needed");
        }

        var tag = BinaryPrimitives.ReadUInt16LittleEndian(chunk);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(chunk[2..]);
        var rate = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
        var blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(chunk[12..]);
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(chunk[14..]);
        if (tag == TagExtensible)
        {
            // WAVEFORMATEXTENSIBLE: cbSize (22), valid bits, channel mask, then the sub-format GUID.
            if (chunk.Length < 40 || BinaryPrimitives.ReadUInt16LittleEndian(chunk[16..]) < 22)
            {
                throw new WavFormatException("WAVE_FORMAT_EXTENSIBLE fmt chunk is too short");
            }

            if (!chunk[28..40].SequenceEqual(SubFormatSuffix) || BinaryPrimitives.ReadUInt16LittleEndian(chunk[26..]) != 0)
            {
                throw new WavFormatException("WAVE_FORMAT_EXTENSIBLE sub-format is not a plain format tag");
            }

            var validBits = BinaryPrimitives.ReadUInt16LittleEndian(chunk[18..]);
            if (validBits > bits)
            {
                throw new WavFormatException($"{validBits} valid bits in a {bits}-bit container");
            }

            tag = BinaryPrimitives.ReadUInt16LittleEndian(chunk[24..]);
        }

        var encoding = (WavEncoding)tag;
        var supported = encoding switch
        {
            WavEncoding.Pcm => bits is 8 or 16 or 24 or 32,
            WavEncoding.IeeeFloat => bits is 32 or 64,
            WavEncoding.ALaw or WavEncoding.MuLaw => bits == 8,
            _ => false,
        };
        if (!supported)
        {
            throw new WavFormatException($"unsupported WAV encoding: format tag {tag}, {bits} bits");
        }

        if (channels is < 1 or > MaxChannels)
        {
            throw new WavFormatException($"{channels} channels; 1 to {MaxChannels} are supported");
        }

        if (rate is < MinSampleRate or > MaxSampleRate)
        {
            throw new WavFormatException($"{rate} Hz; {MinSampleRate} to {MaxSampleRate} Hz are supported");
        }

        var format = new WavFormat(encoding, channels, (int)rate, bits);
        if (blockAlign != format.BlockAlign)
        {
            throw new WavFormatException($"block align {blockAlign} does not match {channels} channels of {bits} bits");
        }

        return format;
    }
}
