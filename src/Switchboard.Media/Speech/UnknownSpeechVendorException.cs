namespace Switchboard.Media.Speech;

/// <summary>A request named a speech vendor no registered <see cref="ISpeechSynthesizer"/> provides.</summary>
public sealed class UnknownSpeechVendorException : Exception
{
    public UnknownSpeechVendorException()
    {
    }

    public UnknownSpeechVendorException(string message)
        : base(message)
    {
    }

    public UnknownSpeechVendorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UnknownSpeechVendorException(string vendor, IReadOnlyCollection<string> known)
        : base($"Unknown speech synthesis vendor '{vendor}'; available: {string.Join(", ", known)}")
    {
        Vendor = vendor;
        Known = known;
    }

    /// <summary>The vendor that was asked for.</summary>
    public string? Vendor { get; }

    /// <summary>The vendors that are registered.</summary>
    public IReadOnlyCollection<string> Known { get; } = [];
}
