using System.Text.Json;
using Switchboard.Calls.Scripts;
using Switchboard.Media.Amd;

namespace Switchboard.Api.V1.Calls;

/// <summary>
/// An answering-machine event as jambonz posts it to <c>amd.actionHook</c>: <c>type</c> (<c>amd_human_detected</c>,
/// ...) and, for decisions, <c>reason</c> (<c>short greeting</c>, <c>long greeting</c>, <c>tone</c> when a beep came
/// before any decision, or <c>hint</c> when the recognised greeting held a voicemail phrase). When a recognizer heard
/// the greeting, a decision also carries <c>greeting</c> (its words), <c>language</c>, and for a hint <c>hint</c>, as
/// jambonz's feature server names them. A recognizer that failed is reported as <c>type: amd_error</c> with <c>error</c>.
/// </summary>
public static class AmdEventPayload
{
    public static string TypeOf(AmdEventKind kind) => kind switch
    {
        AmdEventKind.HumanDetected => "amd_human_detected",
        AmdEventKind.MachineDetected => "amd_machine_detected",
        AmdEventKind.NoSpeechDetected => "amd_no_speech_detected",
        AmdEventKind.DecisionTimeout => "amd_decision_timeout",
        AmdEventKind.MachineStoppedSpeaking => "amd_machine_stopped_speaking",
        AmdEventKind.ToneDetected => "amd_tone_detected",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an AMD event"),
    };

    public static string? ReasonOf(AmdReason reason) => reason switch
    {
        AmdReason.ShortGreeting => "short greeting",
        AmdReason.LongGreeting or AmdReason.WordCount => "long greeting",
        AmdReason.Tone => "tone",
        _ => null,
    };

    /// <summary>jambonz's type for a report that is no detector event.</summary>
    public const string ErrorType = "amd_error";

    /// <summary>Adds the event's members to a call payload.</summary>
    public static void Write(Utf8JsonWriter writer, AmdEvent amdEvent) => Write(writer, AmdReport.Of(amdEvent));

    /// <summary>Adds the report's members to a call payload.</summary>
    public static void Write(Utf8JsonWriter writer, AmdReport report)
    {
        if (report.Event is not { } amdEvent)
        {
            writer.WriteString("type", ErrorType);
            writer.WriteString("error", report.Error);
            return;
        }

        writer.WriteString("type", TypeOf(amdEvent.Kind));
        if ((report.Hint is not null ? "hint" : ReasonOf(amdEvent.Reason)) is { } reason)
        {
            writer.WriteString("reason", reason);
        }

        if (report.Hint is { } hint)
        {
            writer.WriteString("hint", hint);
        }

        if (report.Greeting is { } greeting)
        {
            writer.WriteString("greeting", greeting.Transcript);
            writer.WriteString("language", greeting.Language);
        }
    }
}
