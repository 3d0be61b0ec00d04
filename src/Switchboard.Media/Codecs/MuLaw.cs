namespace Switchboard.Media.Codecs;

/// <summary>
/// ITU-T G.711 µ-law (PCMU, RFC 3551 §4.5.14), table driven: a 64K-entry encode table indexed by the raw
/// 16-bit sample and a 256-entry decode table, both built once from the ITU reference algorithm.
/// </summary>
public static class MuLaw
{
    private const int Bias = 0x84;

    internal static readonly byte[] EncodeTable = BuildEncodeTable();
    internal static readonly short[] DecodeTable = BuildDecodeTable();

    /// <summary>The encoding of a zero sample, sent when nothing plays.</summary>
    public const byte Silence = 0xFF;

    public static byte Encode(short sample) => EncodeTable[(ushort)sample];

    public static short Decode(byte value) => DecodeTable[value];

    /// <summary>Encodes <paramref name="samples"/> into the first <c>samples.Length</c> bytes of <paramref name="destination"/>.</summary>
    public static void Encode(ReadOnlySpan<short> samples, Span<byte> destination) => G711Tables.Encode(EncodeTable, samples, destination);

    /// <summary>Decodes <paramref name="encoded"/> into the first <c>encoded.Length</c> samples of <paramref name="destination"/>.</summary>
    public static void Decode(ReadOnlySpan<byte> encoded, Span<short> destination) => G711Tables.Decode(DecodeTable, encoded, destination);

    /// <summary>
    /// The reference linear-to-µ-law conversion on the 14-bit magnitude G.711 defines (as in the Sun/ITU
    /// g711.c that most stacks share), so the two low bits of a 16-bit sample never matter.
    /// </summary>
    internal static byte EncodeReference(int pcm)
    {
        const int clip = 8159;
        pcm >>= 2;
        int mask;
        if (pcm < 0)
        {
            pcm = -pcm;
            mask = 0x7F;
        }
        else
        {
            mask = 0xFF;
        }

        pcm = Math.Min(pcm, clip) + (Bias >> 2);

        // Segment ends 0x3F, 0x7F, ... 0x1FFF: the segment is how far the value reaches above 0x3F.
        var segment = 0;
        for (var end = 0x3F; pcm > end && segment < 8; end = (end << 1) | 1)
        {
            segment++;
        }

        if (segment >= 8)
        {
            return (byte)(0x7F ^ mask);
        }

        var value = (segment << 4) | ((pcm >> (segment + 1)) & 0x0F);
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
            var u = ~i & 0xFF;
            var t = ((u & 0x0F) << 3) + Bias;
            t <<= (u & 0x70) >> 4;
            table[i] = (short)((u & 0x80) != 0 ? Bias - t : t - Bias);
        }

        return table;
    }
}
