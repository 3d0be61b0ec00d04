using System.Text.Json;
using Switchboard.Calls.Verbs;
using Switchboard.Storage.Applications;

namespace Switchboard.Api.V1.Calls;

/// <summary>A validated <c>POST /v1/Accounts/{account_sid}/Calls</c> body (seed 003).</summary>
/// <param name="ApplicationSid">The application that runs the call, unless hooks are given inline.</param>
/// <param name="CallHook">An inline call hook instead of an application.</param>
/// <param name="CallStatusHook">An inline status hook (overrides the application's).</param>
public sealed record CreateCallRequest(
    string? ApplicationSid,
    WebhookTarget? CallHook,
    WebhookTarget? CallStatusHook,
    string From,
    string? FromHost,
    string? CallerName,
    CallTo To,
    TimeSpan RingTimeout,
    TimeSpan? TimeLimit,
    JsonElement? Tag,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    SpeechDefaults Speech,
    AmdRequest? Amd)
{
    /// <summary><c>speech_recognizer_vendor</c> and <c>speech_recognizer_language</c>: the call's recognizer over its application's.</summary>
    public RecognizerOptions Recognizer { get; init; } = RecognizerOptions.None;
}
