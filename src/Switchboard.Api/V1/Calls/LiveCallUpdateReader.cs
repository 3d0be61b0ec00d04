using System.Text.Json;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.Hooks;
using Switchboard.Calls.Verbs;

namespace Switchboard.Api.V1.Calls;

/// <summary>
/// Validates a live-control body: <c>call_hook</c>, <c>call_status</c>, <c>mute_status</c>, <c>transcribe_status</c>,
/// <c>listen_status</c>, <c>record</c>, <c>dtmf</c>, <c>tag</c>, <c>sip_request</c>, <c>whisper</c>, <c>child_call_hook</c>.
/// </summary>
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

        var mute = JsonFields.OptionalString(body, "mute_status", "mute_status") switch
        {
            null => (bool?)null,
            "mute" => true,
            "unmute" => false,
            _ => throw new ValidationException("mute_status", "must be mute or unmute"),
        };
        var transcription = JsonFields.OptionalString(body, "transcribe_status", "transcribe_status") switch
        {
            null => (bool?)null,
            "pause" => true,
            "resume" => false,
            _ => throw new ValidationException("transcribe_status", "must be pause or resume"),
        };
        var listen = JsonFields.OptionalString(body, "listen_status", "listen_status") switch
        {
            null => (bool?)null,
            "pause" => true,
            "resume" => false,
            _ => throw new ValidationException("listen_status", "must be pause or resume"),
        };
        var dtmf = ReadDtmf(body);

        // Refused by name rather than dropped: a caller that asked for these must learn they did not happen.
        foreach (var unsupported in (string[])["conf_mute_status", "conf_hold_status", "dub", "media_path"])
        {
            if (body.TryGetProperty(unsupported, out _))
            {
                throw new ValidationException(unsupported, "is not supported by this server yet");
            }
        }

        var childHook = HookReader.Optional(body, "child_call_hook", "child_call_hook");
        var whisper = body.TryGetProperty("whisper", out var whispered) ? JambonzVerbReader.ReadWhisper(whispered, "whisper") : null;
        var record = body.TryGetProperty("record", out var recordOptions)
            ? CallRecordingReader.Read(recordOptions, "record") ?? throw new ValidationException("record.type", CallRecordingReader.SiprecUnsupported)
            : (CallRecordingAction?)null;
        var tag = JsonFields.OptionalObject(body, "tag", "tag")?.Clone();
        var sipRequest = body.TryGetProperty("sip_request", out _) ? SipVerbReader.ReadLive(body, "sip_request") : null;
        if (hook is null && status is null && tag is null && mute is null && transcription is null && listen is null && dtmf is null && sipRequest is null
            && childHook is null && whisper is null && record is null)
        {
            throw new ValidationException("$", "give at least one of call_hook, child_call_hook, call_status, mute_status, transcribe_status, listen_status, record, dtmf, tag, whisper and sip_request");
        }

        return new LiveCallUpdate(hook?.Url, status, tag)
        {
            Mute = mute,
            TranscriptionPaused = transcription,
            ListenPaused = listen,
            Dtmf = dtmf,
            SipRequest = sipRequest,
            ChildCallHook = childHook?.Url,
            Whisper = whisper,
            Record = record,
        };
    }

    /// <summary>jambonz's <c>dtmf: {digit, duration}</c>: keys to send, each lasting <c>duration</c> ms (default 250).</summary>
    private static (string Digits, TimeSpan Duration)? ReadDtmf(JsonElement body)
    {
        if (JsonFields.OptionalObject(body, "dtmf", "dtmf") is not { } dtmf)
        {
            return null;
        }

        var digits = JsonFields.RequireString(dtmf, "digit", "dtmf.digit");
        if (digits.Length is 0 or > 32 || !digits.All(JambonzVerbReader.IsKey))
        {
            throw new ValidationException("dtmf.digit", "must be 1 to 32 of 0-9, *, # and A-D");
        }

        var duration = JsonFields.OptionalNumber(dtmf, "duration", "dtmf.duration", 40, 5000) ?? 250;
        return (digits, TimeSpan.FromMilliseconds(duration));
    }
}
