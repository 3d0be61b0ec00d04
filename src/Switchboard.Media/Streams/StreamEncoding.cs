namespace Switchboard.Media.Streams;

/// <summary>How a media stream's samples are written into its frames.</summary>
public enum StreamEncoding
{
    /// <summary>16-bit signed linear PCM, little-endian (jambonz <c>listen</c>).</summary>
    Linear16,

    /// <summary>G.711 µ-law, one byte a sample, 8 kHz only (Twilio media streams).</summary>
    MuLaw,
}
