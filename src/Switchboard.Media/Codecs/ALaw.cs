namespace Switchboard.Media.Codecs;

/// <summary>
/// ITU-T G.711 A-law (PCMA, RFC 3551 §4.5.14), table driven: a 64K-entry encode table indexed by the raw
/// 16-bit sample and a 256-entry decode table, both built once from the ITU reference algorithm.
/// </summary>
public static class ALaw
{
    internal static readonly byte[] EncodeTable = BuildEncodeTable();
    internal static readonly short[] DecodeTable = BuildDecodeTable();

    /// <summary>The encoding of a zero sample, sent when nothing plays.</summary>
    public const byte Silence = 0xD5;

    public static byte Encode(short sample) => EncodeTable[(ushort)sample];

    public static short Decode(byte value) => DecodeTable[value];

    /// <summary>Encodes <paramref name="samples"/> into the first <c>samples.Length</c> bytes of <paramref name="destination"/>.</summary>
    public static void Encode(ReadOnlySpan<short> samples, Span<byte> destination) => G711Tables.Encode(EncodeTable, samples, destination);

    /// <summary>Decodes <paramref name="encoded"/> into the first <c>encoded.Length</c> samples of <paramref name="destination"/>.</summary>
    public static void Decode(ReadOnlySpan<byte> encoded, Span<short> destination) => G711Tables.Decode(DecodeTable, encoded, destination);

    /// <summary>
    /// The reference linear-to-A-law conversion on the 13-bit magnitude G.711 defines (as in the Sun/ITU
    /// g711.c that most stacks share), so the three low bits of a 16-bit sample never matter.
    /// </summary>
    internal static byte EncodeReference(int pcm)
    {
        pcm >>= 3;
        int mask;
        if (pcm >= 0)
        {
            mask = 0xD5;
        }
        else
        {
            mask = 0x55;
            pcm = -pcm - 1;
        }

        // Segment ends 0x1F, 0x3F, ... 0xFFF.
        var segment = 0;
        for (var end = 0x1F; pcm > end && segment < 8; end = (end << 1) | 1)
        {
            segment++;
        }

        if (segment >= 8)
        {
            return (byte)(0x7F ^ mask);
        }

        var value = segment << 4;
        value |= segment < 2 ? (pcm >> 1) & 0x0F : (pcm >> segment) & 0x0F;
        return (byte)(value ^ mask);
    }

    private static byte[] BuildEncodeTable()
    {
        var table = new byte[65536];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = EncodeReference((short)i);
        }

        return table;
    }

    private static short[] BuildDecodeTable()
    {
        var table = new short[256];
        for (var i = 0; i < table.Length; i++)
        {
            var a = i ^ 0x55;
            var t = (a & 0x0F) << 4;
            var segment = (a & 0x70) >> 4;
            t = segment switch
            {
                0 => t + 8,
                1 => t + 0x108,
                _ => (t + 0x108) << (segment - 1),
            };
            table[i] = (short)((a & 0x80) != 0 ? t : -t);
        }

        return table;
    }
}
