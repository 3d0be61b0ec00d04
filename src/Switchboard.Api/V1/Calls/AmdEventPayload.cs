using System.Text.Json;
using Switchboard.Media.Amd;

namespace Switchboard.Api.V1.Calls;

/// <summary>
/// An answering-machine event as jambonz posts it to <c>amd.actionHook</c>: <c>type</c> (<c>amd_human_detected</c>,
/// ...) and, for decisions, <c>reason</c> (<c>short greeting</c>, <c>long greeting</c>, or <c>tone</c> when a beep
/// came before any decision). jambonz's <c>greeting</c>, <c>hint</c> and <c>language</c> come from a speech
/// recognizer, which this detector does not use, so they are never sent.
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

    /// <summary>Adds the event's members to a call payload.</summary>
    public static void Write(Utf8JsonWriter writer, AmdEvent amdEvent)
    {
        writer.WriteString("type", TypeOf(amdEvent.Kind));
        if (ReasonOf(amdEvent.Reason) is { } reason)
        {
            writer.WriteString("reason", reason);
        }
    }
}
