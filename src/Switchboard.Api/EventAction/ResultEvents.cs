using System.Text.Json;
using Switchboard.Api.V1.Recordings;
using Switchboard.Calls.Engine;
using Switchboard.Calls.Scripts;

namespace Switchboard.Api.EventAction;

/// <summary>
/// What a native verb's result is in seed 004's words: the event's name and the members it adds. Each event says
/// <c>status</c> <c>SUCCESS</c>, or <c>FAILURE</c> with <c>error.message</c> (and a code where the call's fate is
/// the reason).
/// </summary>
public static class ResultEvents
{
    public const string Success = "SUCCESS";
    public const string Failure = "FAILURE";

    /// <summary>The event <paramref name="result"/> makes, or null for a result that reports nothing.</summary>
    public static (string Name, Action<Utf8JsonWriter> Members)? Describe(VerbResult result, CallSnapshot call, EventActionContext context, DateTimeOffset at) => result switch
    {
        AnnounceResult played => (EventNames.Played, writer => Played(writer, played)),
        GatherResult gather when IsSpeech(gather) => (EventNames.Streamed, writer => Streamed(writer, gather)),
        GatherResult gather => (EventNames.CollectedDigits, writer => Collected(writer, gather)),
        RecordResult record => (EventNames.Recorded, writer => Recorded(writer, record, context)),
        DialResult dial => (EventNames.Patched, writer => Patched(writer, dial, context)),
        RedirectResult { Redirect.ActionHook: ActionReader.AnsweredMarker } => (EventNames.Answered, writer => AnsweredMembers(writer, call, at)),
        _ => null,
    };

    /// <summary>ANSWERED's own members: when the call was offered and answered (now, when the answer is still on its way).</summary>
    public static void AnsweredMembers(Utf8JsonWriter writer, CallSnapshot call, DateTimeOffset now)
    {
        writer.WriteString("offeredTime", EventBody.Time(call.CreatedAt));
        writer.WriteString("answeredTime", EventBody.Time(call.AnsweredAt ?? now));
    }

    private static bool IsSpeech(GatherResult gather) =>
        gather.Gather.Speech is not null
        && (gather.Reason is GatherEndReason.SpeechDetected or GatherEndReason.Error || !gather.Gather.AcceptsDigits);

    private static void Played(Utf8JsonWriter writer, AnnounceResult played)
    {
        writer.WriteString("status", played.Error is null ? Success : Failure);
        writer.WriteNumber("playedDuration", EventBody.Seconds(played.Played));
        if (played.Error is { } error)
        {
            EventBody.WriteError(writer, null, error);
        }
    }

    private static void Streamed(Utf8JsonWriter writer, GatherResult gather)
    {
        if (gather.Speech is { } speech)
        {
            writer.WriteString("status", Success);
            writer.WriteString("text", speech.Transcript);
            writer.WriteNumber("confidence", Math.Round(speech.Alternatives[0].Confidence, 3));
            writer.WriteString("language", speech.Language);
        }
        else
        {
            writer.WriteString("status", Failure);
            EventBody.WriteError(writer, null, gather.Error ?? "no speech before the timeout");
        }

        writer.WriteNumber("playedDuration", EventBody.Seconds(gather.PromptPlayed));
    }

    private static void Collected(Utf8JsonWriter writer, GatherResult gather)
    {
        var answered = gather.Digits.Length > 0 || gather.Reason == GatherEndReason.Terminator;
        writer.WriteString("status", answered ? Success : Failure);
        if (!answered)
        {
            EventBody.WriteError(writer, null, "no keys before the timeout");
        }

        writer.WriteNumber("numOfDigits", gather.Digits.Length);
        writer.WriteString("digitsReceived", gather.Digits);
        writer.WriteString("terminationDigit", gather.Reason == GatherEndReason.Terminator ? gather.Gather.FinishOnKey.ToString() : string.Empty);
        writer.WriteNumber("playedDuration", EventBody.Seconds(gather.PromptPlayed));
    }

    private static void Recorded(Utf8JsonWriter writer, RecordResult record, EventActionContext context)
    {
        writer.WriteString("status", record.RecordingSid is null ? Failure : Success);
        if (record.RecordingSid is { } sid)
        {
            writer.WriteString("recordingFileName", RecordingUrls.MediaUrl(context.RecordingsUrl, sid));
        }
        else
        {
            EventBody.WriteError(writer, null, "the recording could not be made or stored");
        }

        writer.WriteNumber("recordingLength", EventBody.Seconds(record.Duration));
        writer.WriteString("terminationDigit", record.Digits);
    }

    private static void Patched(Utf8JsonWriter writer, DialResult dial, EventActionContext context)
    {
        if (dial.ConnectedAt is not { } connectedAt)
        {
            writer.WriteString("status", Failure);
            var cause = DropCause.OfUnanswered(dial.Status, dial.SipStatus);
            EventBody.WriteError(writer, cause.Code, cause.Message);
            return;
        }

        writer.WriteString("status", Success);
        writer.WriteString("ConnectedOn", EventBody.Time(connectedAt));
        if (dial.RecordingSids.Count > 0)
        {
            writer.WriteStartArray("recordingFileName");
            foreach (var sid in dial.RecordingSids)
            {
                writer.WriteStringValue(RecordingUrls.MediaUrl(context.RecordingsUrl, sid));
            }

            writer.WriteEndArray();
        }

        writer.WriteNumber("patchDuration", EventBody.Seconds(dial.Duration));
        // The caller is this call's party (reached or calling in), the callee the patched one.
        writer.WriteString("droppedBy", dial.EndedBy == DialEndedBy.Caller ? "CALLER" : "CALLEE");
    }
}
