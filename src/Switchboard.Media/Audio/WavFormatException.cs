namespace Switchboard.Media.Audio;

/// <summary>
/// The bytes are not a RIFF/WAVE file we can read: not WAVE at all, truncated, an unsupported encoding, or
/// a header whose numbers are absurd. The only exception <see cref="WavReader"/> throws for bad input.
/// </summary>
public sealed class WavFormatException : AudioFormatException
{
    public WavFormatException()
    {
    }

    public WavFormatException(string message)
        : base(message)
    {
    }

    public WavFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
