namespace Switchboard.Media.Recognition;

/// <summary>A recognition failed: the engine is unreachable, refused the request, timed out or is misconfigured.</summary>
public sealed class SpeechRecognitionException : Exception
{
    public SpeechRecognitionException(string message)
        : base(message)
    {
    }

    public SpeechRecognitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
