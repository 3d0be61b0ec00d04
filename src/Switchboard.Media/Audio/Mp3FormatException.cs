namespace Switchboard.Media.Audio;

/// <summary>
/// The bytes are not MPEG audio we can decode: no frame at all, a stream the decoder rejects, or one that decodes
/// to more than <see cref="Mp3Reader.MaxDuration"/>. The only exception <see cref="Mp3Reader"/> throws for bad input.
/// </summary>
public sealed class Mp3FormatException : AudioFormatException
{
    public Mp3FormatException()
    {
    }

    public Mp3FormatException(string message)
        : base(message)
    {
    }

    public Mp3FormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
