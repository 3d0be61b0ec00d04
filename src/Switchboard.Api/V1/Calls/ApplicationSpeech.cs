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

    /// <summary>The application's recognizer defaults; null without an application or when it sets none of them.</summary>
    public static RecognizerDefaults? RecognizerOf(ApplicationRecord? application) =>
        application is { SpeechRecognizerVendor: null, SpeechRecognizerLanguage: null, SpeechRecognizerLabel: null } or null
            ? null
            : new(application.SpeechRecognizerVendor, application.SpeechRecognizerLanguage, application.SpeechRecognizerLabel);
}
