namespace Switchboard.Media.Speech;

/// <summary>Speech could not be synthesized (engine missing, failed, or produced unreadable audio).</summary>
public sealed class SpeechSynthesisException : Exception
{
    public SpeechSynthesisException()
    {
    }

    public SpeechSynthesisException(string message)
        : base(message)
    {
    }

    public SpeechSynthesisException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
