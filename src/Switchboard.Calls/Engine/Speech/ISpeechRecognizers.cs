using Switchboard.Media.Recognition;

namespace Switchboard.Calls.Engine.Speech;

/// <summary>
/// Finds the engine for a recognition: by vendor (null for the server's default engine) and, for engines that
/// need an account's credentials, the account's credential with that label.
/// </summary>
public interface ISpeechRecognizers
{
    /// <summary>The language recognised when neither the verb, the call nor the application names one.</summary>
    string DefaultLanguage { get; }

    /// <exception cref="SpeechRecognitionException">The vendor is unknown, or the account has no usable credential for it.</exception>
    ValueTask<ISpeechRecognizer> ResolveAsync(string accountSid, string? vendor, string? label, CancellationToken cancellationToken);
}
