using System.Text.Json;
using Switchboard.Api.V1.Common;
using Switchboard.Api.V1.Hooks;
using Switchboard.Api.V1.SpeechCredentials;
using Switchboard.Storage.Applications;

namespace Switchboard.Api.V1.Applications;

/// <summary>
/// Reads an application body onto a record. Creating, <c>name</c> and <c>call_hook</c> are required; updating,
/// every field is optional and an absent field keeps its value (a field sent as null clears it). Hooks follow the
/// Calls resource's grammar (<see cref="HookReader"/>): a URL string or <c>{url, method, username, password}</c>.
/// The recognizer vendor must be one Switchboard has (<see cref="SpeechVendors.Recognizers"/>) and its language a
/// language tag.
/// </summary>
public static class ApplicationReader
{
    private const int MaxNameLength = 128;
    private const int MaxSpeechFieldLength = 128;

    /// <summary>A record to create onto: every placeholder is overwritten because creating requires it.</summary>
    public static ApplicationRecord Blank(string accountSid, DateTimeOffset createdAt) => new(
        Guid.NewGuid().ToString(), accountSid, string.Empty, new WebhookTarget(string.Empty, "POST", null, null),
        null, null, null, null, null, null, null, false, createdAt);

    /// <exception cref="Problems.ValidationException">A field is missing or invalid.</exception>
    public static ApplicationRecord Read(JsonElement body, ApplicationRecord current, bool creating) => current with
    {
        Name = creating || V1Fields.Has(body, "name") ? V1Fields.RequireText(body, "name", MaxNameLength) : current.Name,
        CallHook = creating || V1Fields.Has(body, "call_hook") ? HookReader.Require(body, "call_hook", "call_hook") : current.CallHook,
        CallStatusHook = V1Fields.Has(body, "call_status_hook") ? HookReader.Optional(body, "call_status_hook", "call_status_hook") : current.CallStatusHook,
        SpeechSynthesisVendor = Text(body, "speech_synthesis_vendor", current.SpeechSynthesisVendor),
        SpeechSynthesisVoice = Text(body, "speech_synthesis_voice", current.SpeechSynthesisVoice),
        SpeechSynthesisLanguage = Text(body, "speech_synthesis_language", current.SpeechSynthesisLanguage),
        SpeechRecognizerVendor = V1Fields.Has(body, "speech_recognizer_vendor")
            ? SpeechVendors.OptionalVendor(body, "speech_recognizer_vendor", SpeechVendors.Recognizers)
            : current.SpeechRecognizerVendor,
        SpeechRecognizerLanguage = V1Fields.Has(body, "speech_recognizer_language")
            ? SpeechVendors.OptionalLanguage(body, "speech_recognizer_language")
            : current.SpeechRecognizerLanguage,
        SpeechRecognizerLabel = Text(body, "speech_recognizer_label", current.SpeechRecognizerLabel),
        RecordAllCalls = V1Fields.OptionalFlag(body, "record_all_calls") ?? current.RecordAllCalls,
    };

    private static string? Text(JsonElement body, string name, string? current) =>
        V1Fields.Has(body, name) ? V1Fields.OptionalText(body, name, MaxSpeechFieldLength) : current;
}
