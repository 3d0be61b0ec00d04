using System.Text.Json;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Engine;

/// <summary>
/// Everything the engine needs to run one call leg, whatever dialect asked for it. For an inbound call the router
/// fills it from the INVITE: <see cref="From"/> is the caller, <see cref="Target"/> the dialled number.
/// </summary>
public sealed record CallRequest(
    string AccountSid,
    string From,
    string? FromDisplayName,
    string? FromHost,
    CallTarget Target,
    TimeSpan RingTimeout,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    IScriptSource Script,
    ICallEventSink Sink)
{
    /// <summary>
    /// The sid to store the call under; a new one when null. A callback session names both legs in its answer
    /// before it places the second.
    /// </summary>
    public string? Sid { get; init; }

    /// <summary>The API dialect that asked for the call (<see cref="CallDialect"/>), which metrics count it under.</summary>
    public string Dialect { get; init; } = CallDialect.None;

    /// <summary>The application whose hooks run the call, when one does; stored with the call.</summary>
    public string? ApplicationSid { get; init; }

    /// <summary>The call whose <c>dial</c> placed this one, when one did; stored with the call.</summary>
    public string? ParentCallSid { get; init; }

    /// <summary>
    /// Makes the event sink for each leg a <c>dial</c> of this call places (the dialect's status hook, with its own
    /// ordered queue); legs report nothing when null.
    /// </summary>
    public Func<ICallEventSink>? CreateLegSink { get; init; }

    /// <summary>The application's data for the call, carried by every event.</summary>
    public JsonElement? Tag { get; init; }

    /// <summary>The longest the call may last once answered; it is hung up (completed) then.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>The synthesizer for <c>say</c> verbs that name none.</summary>
    public SpeechDefaults Speech { get; init; } = SpeechDefaults.None;

    /// <summary>The recognizer for speech input that names none (the call's and its application's defaults).</summary>
    public RecognizerOptions Recognizer { get; init; } = RecognizerOptions.None;

    /// <summary>Record the whole call, from answer to end, as a stereo Recording (an application's <c>record_all_calls</c>).</summary>
    public bool RecordAll { get; init; }

    /// <summary>The sid the whole-call recording is stored under (<see cref="RecordAll"/>), so a dialect can name it before it exists; a new one when null.</summary>
    public string? RecordingSid { get; init; }

    /// <summary>With <see cref="RecordAll"/>: the recording stops after this long; it lasts until the call ends when null.</summary>
    public TimeSpan? RecordLimit { get; init; }

    /// <summary>Answering-machine detection from the answer on; null for none.</summary>
    public AmdSettings? Amd { get; init; }

    /// <summary>
    /// For an inbound call: whether it rings (180) as soon as it arrives, before the application has said anything.
    /// When false it stays at 100 Trying until a verb answers, alerts or refuses it, as jambonz leaves it.
    /// </summary>
    public bool RingsOnArrival { get; init; } = true;

    /// <summary>
    /// For a leg of a <c>dial</c> with a <c>confirmHook</c>: the application the answering party runs before it is
    /// bridged. The leg is handed to the dial as answered only when those verbs end with it still up; null for none.
    /// </summary>
    public IScriptSource? Confirmation { get; init; }
}
