namespace Switchboard.Media.Audio;

/// <summary>The bytes are not a RIFF/WAVE file we can read (16-bit PCM).</summary>
public sealed class WavFormatException : Exception
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
