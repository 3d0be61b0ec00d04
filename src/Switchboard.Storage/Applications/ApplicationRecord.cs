namespace Switchboard.Storage.Applications;

/// <summary>
/// An application: what runs a call. <see cref="CallHook"/> answers with verbs when the call is answered
/// (outbound) or arrives (inbound); <see cref="CallStatusHook"/> receives every status change. The
/// <c>SpeechSynthesis*</c> fields are the defaults of its calls' prompts, the <c>SpeechRecognizer*</c> ones of their
/// speech input (the label picks one of the account's speech credentials of that vendor).
/// </summary>
public sealed record ApplicationRecord(
    string Sid,
    string AccountSid,
    string Name,
    WebhookTarget CallHook,
    WebhookTarget? CallStatusHook,
    string? SpeechSynthesisVendor,
    string? SpeechSynthesisVoice,
    string? SpeechSynthesisLanguage,
    string? SpeechRecognizerVendor,
    string? SpeechRecognizerLanguage,
    string? SpeechRecognizerLabel,
    bool RecordAllCalls,
    DateTimeOffset CreatedAt);
