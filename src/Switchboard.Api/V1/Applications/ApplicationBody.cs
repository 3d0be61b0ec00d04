namespace Switchboard.Api.V1.Applications;

/// <summary>What <c>POST</c>/<c>PUT .../Applications</c> accept. On PUT every field is optional.</summary>
/// <param name="Name">1–128 characters.</param>
/// <param name="CallHook">Receives the call and answers with verbs; a URL string or a <see cref="WebhookBody"/>.</param>
/// <param name="CallStatusHook">Receives every status change; a URL string or a <see cref="WebhookBody"/>.</param>
/// <param name="SpeechSynthesisVendor">Default text-to-speech vendor.</param>
/// <param name="SpeechSynthesisVoice">Default voice.</param>
/// <param name="SpeechSynthesisLanguage">Default language, e.g. <c>en-US</c>.</param>
/// <param name="SpeechRecognizerVendor">Default speech recognizer: <c>pocketsphinx</c>, <c>openai</c> or <c>default</c> (the server's).</param>
/// <param name="SpeechRecognizerLanguage">Default recognition language, a tag such as <c>en-US</c>.</param>
/// <param name="SpeechRecognizerLabel">Which of the account's speech credentials of that vendor to use, by label.</param>
/// <param name="RecordAllCalls">Whether every call of the application is recorded.</param>
/// <param name="AccountSid">On <c>POST /v1/Applications</c>, the account (jambonz style); defaults to the key's.</param>
public sealed record ApplicationBody(
    string Name,
    WebhookBody CallHook,
    WebhookBody? CallStatusHook,
    string? SpeechSynthesisVendor,
    string? SpeechSynthesisVoice,
    string? SpeechSynthesisLanguage,
    string? SpeechRecognizerVendor,
    string? SpeechRecognizerLanguage,
    string? SpeechRecognizerLabel,
    bool? RecordAllCalls,
    string? AccountSid);
