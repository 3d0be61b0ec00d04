using Switchboard.Calls.Engine.Speech;
using Switchboard.Calls.Verbs;
using Switchboard.Storage.Applications;

namespace Switchboard.Api.V1.Calls;

/// <summary>
/// An application's <c>speech_synthesis_*</c> defaults for the <c>say</c> verbs of its calls, and its
/// <c>speech_recognizer_*</c> defaults for their speech input.
/// </summary>
public static class ApplicationSpeech
{
    public static SpeechDefaults Of(ApplicationRecord? application) =>
        new(application?.SpeechSynthesisVendor, application?.SpeechSynthesisLanguage, application?.SpeechSynthesisVoice, null);

    /// <summary>
    /// An application's <c>speech_recognizer_*</c> defaults for its calls' speech input; <c>default</c> (or nothing)
    /// leaves the vendor to the server.
    /// </summary>
    public static RecognizerOptions RecognizerOf(ApplicationRecord? application) => application is null
        ? RecognizerOptions.None
        : new(
            application.SpeechRecognizerVendor == RecognizerVendors.Default ? null : application.SpeechRecognizerVendor,
            application.SpeechRecognizerLanguage,
            application.SpeechRecognizerLabel);
}
