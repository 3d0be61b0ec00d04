namespace Switchboard.Storage.Applications;

/// <summary>
/// An application: what runs a call. <see cref="CallHook"/> answers with verbs when the call is answered
/// (outbound) or arrives (inbound); <see cref="CallStatusHook"/> receives every status change.
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
    bool RecordAllCalls,
    DateTimeOffset CreatedAt);
