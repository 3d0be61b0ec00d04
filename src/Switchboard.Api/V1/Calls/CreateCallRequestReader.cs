using System.Text.Json;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.Hooks;
using Switchboard.Calls.Verbs;

namespace Switchboard.Api.V1.Calls;

/// <summary>Validates a create-call body field by field; the first invalid field is reported by name.</summary>
public static class CreateCallRequestReader
{
    /// <summary>Seconds a call rings when the request names no <c>timeout</c> (seed 003).</summary>
    public const int DefaultRingTimeoutSeconds = 60;

    /// <summary>Headers the SIP stack writes itself: an application may not replace them.</summary>
    /// <exception cref="ValidationException">A field is missing or invalid.</exception>
    public static CreateCallRequest Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new ValidationException("$", "the body must be a JSON object");
        }

        var applicationSid = JsonFields.OptionalString(body, "application_sid", "application_sid");
        var callHook = HookReader.Optional(body, "call_hook", "call_hook");
        if (applicationSid is null && callHook is null)
        {
            throw new ValidationException("application_sid", "is required (or give call_hook inline)");
        }

        var from = JsonFields.RequireString(body, "from", "from");
        if (!SipSyntax.IsUser(from))
        {
            throw new ValidationException("from", "must be a number or a SIP user name (no spaces, '@' or '<>')");
        }

        var fromHost = JsonFields.OptionalString(body, "fromHost", "fromHost");
        if (fromHost is not null && !SipSyntax.IsHost(fromHost))
        {
            throw new ValidationException("fromHost", "must be a host name or an IP address");
        }

        var callerName = JsonFields.OptionalString(body, "callerName", "callerName");
        if (callerName is not null && !SipSyntax.IsDisplayName(callerName))
        {
            throw new ValidationException("callerName", "must be at most 128 printable characters");
        }

        var ringTimeout = JsonFields.OptionalNumber(body, "timeout", "timeout", 1, 600) ?? DefaultRingTimeoutSeconds;
        var timeLimit = JsonFields.OptionalNumber(body, "timeLimit", "timeLimit", 1, 86_400);
        return new CreateCallRequest(
            applicationSid,
            callHook,
            HookReader.Optional(body, "call_status_hook", "call_status_hook"),
            from,
            fromHost,
            callerName,
            CallToReader.Read(JsonFields.RequireObject(body, "to", "to"), "to"),
            TimeSpan.FromSeconds(ringTimeout),
            timeLimit is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            JsonFields.OptionalObject(body, "tag", "tag")?.Clone(),
            SipHeadersReader.Read(body, "headers"),
            new SpeechDefaults(
                JsonFields.OptionalString(body, "speech_synthesis_vendor", "speech_synthesis_vendor"),
                JsonFields.OptionalString(body, "speech_synthesis_language", "speech_synthesis_language"),
                JsonFields.OptionalString(body, "speech_synthesis_voice", "speech_synthesis_voice"),
                Gender: null),
            AmdRequestReader.Read(body, "amd"))
        {
            Recognizer = new RecognizerOptions(
                RecognizerReader.ReadVendor(body, "speech_recognizer_vendor", "speech_recognizer_vendor"),
                RecognizerReader.ReadLanguage(body, "speech_recognizer_language", "speech_recognizer_language"),
                Label: null),
        };
    }
}
