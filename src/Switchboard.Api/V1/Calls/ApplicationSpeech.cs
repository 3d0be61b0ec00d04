using Switchboard.Calls.Verbs;
using Switchboard.Storage.Applications;

namespace Switchboard.Api.V1.Calls;

/// <summary>An application's <c>speech_synthesis_*</c> defaults for the <c>say</c> verbs of its calls.</summary>
public static class ApplicationSpeech
{
    public static SpeechDefaults Of(ApplicationRecord? application) =>
        new(application?.SpeechSynthesisVendor, application?.SpeechSynthesisLanguage, application?.SpeechSynthesisVoice, null);
}
