namespace Switchboard.Media.Audio;

/// <summary>
/// The bytes are not audio we can read (<see cref="WavFormatException"/>, <see cref="Mp3FormatException"/>): what
/// a fetcher reports as "not audio" whatever the format was.
/// </summary>
public abstract class AudioFormatException : Exception
{
    protected AudioFormatException()
    {
    }

    protected AudioFormatException(string message)
        : base(message)
    {
    }

    protected AudioFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
