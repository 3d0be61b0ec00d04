namespace Switchboard.Media.Codecs;

/// <summary>
/// µ-law ↔ A-law conversion byte by byte through two 256-entry tables, each built once by decoding one
/// law and encoding the result in the other (as G.711's own conversion tables map code to code), so a
/// bridge between laws never goes through linear PCM per sample.
/// </summary>
public static class G711Transcoder
{
    private static readonly byte[] MuLawToALaw = Build(MuLaw.DecodeTable, ALaw.EncodeTable);
    private static readonly byte[] ALawToMuLaw = Build(ALaw.DecodeTable, MuLaw.EncodeTable);

    /// <summary>Rewrites <paramref name="data"/> in place from <paramref name="from"/> to <paramref name="to"/>; nothing when they are the same.</summary>
    public static void Transcode(G711Codec from, G711Codec to, Span<byte> data)
    {
        if (from == to)
        {
            return;
        }

        var table = from == G711Codec.Pcmu ? MuLawToALaw : ALawToMuLaw;
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = table[data[i]];
        }
    }

    private static byte[] Build(short[] decode, byte[] encode)
    {
        var table = new byte[256];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = encode[(ushort)decode[i]];
        }

        return table;
    }
}
