using Switchboard.Storage.Applications;

namespace Switchboard.Api.V1.Applications;

/// <summary>An application as <c>GET .../Applications</c> shows it.</summary>
public sealed record ApplicationResponse(
    string ApplicationSid,
    string AccountSid,
    string Name,
    WebhookResponse CallHook,
    WebhookResponse? CallStatusHook,
    string? SpeechSynthesisVendor,
    string? SpeechSynthesisVoice,
    string? SpeechSynthesisLanguage,
    string? SpeechRecognizerVendor,
    string? SpeechRecognizerLanguage,
    string? SpeechRecognizerLabel,
    bool RecordAllCalls,
    DateTimeOffset CreatedAt)
{
    public static ApplicationResponse From(ApplicationRecord application) => new(
        application.Sid,
        application.AccountSid,
        application.Name,
        WebhookResponse.From(application.CallHook)!,
        WebhookResponse.From(application.CallStatusHook),
        application.SpeechSynthesisVendor,
        application.SpeechSynthesisVoice,
        application.SpeechSynthesisLanguage,
        application.SpeechRecognizerVendor,
        application.SpeechRecognizerLanguage,
        application.SpeechRecognizerLabel,
        application.RecordAllCalls,
        application.CreatedAt);
}
