namespace Switchboard.Media.Audio;

/// <summary>The sample encodings <see cref="WavReader"/> reads, by their WAVE format tags (RFC 2361).</summary>
public enum WavEncoding
{
    /// <summary>Tag 1: linear PCM, 8-bit unsigned or 16/24/32-bit signed little-endian.</summary>
    Pcm = 1,

    /// <summary>Tag 3: IEEE float, 32 or 64 bits.</summary>
    IeeeFloat = 3,

    /// <summary>Tag 6: ITU-T G.711 A-law, 8 bits.</summary>
    ALaw = 6,

    /// <summary>Tag 7: ITU-T G.711 µ-law, 8 bits.</summary>
    MuLaw = 7,
}
