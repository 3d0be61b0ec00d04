using System.Text.Json;
using Switchboard.Calls.Engine;
using Switchboard.Calls.Verbs;

namespace Switchboard.Api.V1.Calls;

/// <summary>A validated <c>PUT /Calls/{call_sid}</c>: at least one of redirect, status change, mute, keys and tag.</summary>
public sealed record LiveCallUpdate(string? RedirectHook, string? CallStatus, JsonElement? Tag)
{
    /// <summary>True to mute the caller, false to unmute, null to leave as is.</summary>
    public bool? Mute { get; init; }

    /// <summary>True to pause the background transcription (<c>transcribe_status</c>), false to resume it, null to leave it.</summary>
    public bool? TranscriptionPaused { get; init; }

    /// <summary>True to pause the call's media streams (<c>listen_status</c>), false to resume them, null to leave them.</summary>
    public bool? ListenPaused { get; init; }

    /// <summary>What the call's own recording should do (jambonz <c>record</c>, type <c>cloud</c>); null leaves it.</summary>
    public CallRecordingAction? Record { get; init; }

    /// <summary>Keys to send to the call, and how long each lasts.</summary>
    public (string Digits, TimeSpan Duration)? Dtmf { get; init; }

    /// <summary>
    /// A request to send inside the call's dialog (jambonz <c>sip_request</c>); the endpoint sends it after the other
    /// commands and answers with the peer's response.
    /// </summary>
    public InDialogRequest? SipRequest { get; init; }

    /// <summary>
    /// The application the dial's connected leg runs on its own (jambonz <c>child_call_hook</c>); the endpoint hands it
    /// to the call before the other commands, so a <c>call_hook</c> given with it leaves the dial only after the leg left.
    /// </summary>
    public string? ChildCallHook { get; init; }

    /// <summary>Say and play verbs one party of the connected dial hears (jambonz <c>whisper</c>); sent after the other commands.</summary>
    public IReadOnlyList<Verb>? Whisper { get; init; }

    /// <summary>Sends the commands to the live call; false when the call is no longer live.</summary>
    public bool ApplyTo(CallEngine engine, string callSid)
    {
        var live = true;
        if (Tag is { } tag)
        {
            live &= engine.UpdateTag(callSid, tag);
        }

        if (Mute is { } muted)
        {
            live &= engine.SetMute(callSid, muted);
        }

        if (TranscriptionPaused is { } paused)
        {
            live &= engine.PauseTranscription(callSid, paused);
        }

        if (ListenPaused is { } listenPaused)
        {
            live &= engine.PauseListening(callSid, listenPaused);
        }

        if (Record is { } record)
        {
            live &= engine.ControlRecording(callSid, record);
        }

        if (Dtmf is { } dtmf)
        {
            live &= engine.SendDigits(callSid, dtmf.Digits, dtmf.Duration);
        }

        if (RedirectHook is { } hook)
        {
            live &= engine.Redirect(callSid, hook);
        }

        live &= CallStatus switch
        {
            "completed" => engine.Hangup(callSid),
            "no-answer" => engine.EndAsNoAnswer(callSid),
            _ => true,
        };
        return live;
    }
}
