namespace Switchboard.Media.Codecs;

/// <summary>The one table walk both G.711 laws share: a 64K encode table by raw sample, a 256-entry decode table.</summary>
internal static class G711Tables
{
    /// <summary>Encodes <paramref name="samples"/> into the first <c>samples.Length</c> bytes of <paramref name="destination"/>.</summary>
    public static void Encode(byte[] table, ReadOnlySpan<short> samples, Span<byte> destination)
    {
        destination = destination[..samples.Length];
        for (var i = 0; i < samples.Length; i++)
        {
            destination[i] = table[(ushort)samples[i]];
        }
    }

    /// <summary>Decodes <paramref name="encoded"/> into the first <c>encoded.Length</c> samples of <paramref name="destination"/>.</summary>
    public static void Decode(short[] table, ReadOnlySpan<byte> encoded, Span<short> destination)
    {
        destination = destination[..encoded.Length];
        for (var i = 0; i < encoded.Length; i++)
        {
            destination[i] = table[encoded[i]];
        }
    }
}
