using System.Text.Json;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.Hooks;

namespace Switchboard.Api.V1.Calls;

/// <summary>Validates a live-control body: <c>call_hook</c>, <c>call_status</c>, <c>tag</c>.</summary>
public static class LiveCallUpdateReader
{
    /// <exception cref="ValidationException">A field is invalid, or the body asks for nothing.</exception>
    public static LiveCallUpdate Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new ValidationException("$", "the body must be a JSON object");
        }

        var hook = HookReader.Optional(body, "call_hook", "call_hook");
        var status = JsonFields.OptionalString(body, "call_status", "call_status");
        if (status is not (null or "completed" or "no-answer"))
        {
            throw new ValidationException("call_status", "must be completed or no-answer");
        }

        foreach (var unsupported in (string[])["mute_status", "dtmf", "listen_status", "whisper", "conf_mute_status", "conf_hold_status", "sip_request"])
        {
            if (body.TryGetProperty(unsupported, out _))
            {
                throw new ValidationException(unsupported, "is not supported by this server yet");
            }
        }

        var tag = JsonFields.OptionalObject(body, "tag", "tag")?.Clone();
        if (hook is null && status is null && tag is null)
        {
            throw new ValidationException("$", "give at least one of call_hook, call_status and tag");
        }

        return new LiveCallUpdate(hook?.Url, status, tag);
    }
}
