using System.Text.Json;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Engine;

/// <summary>Everything the engine needs to place one outbound call, whatever dialect asked for it.</summary>
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
    /// <summary>The application's data for the call, carried by every event.</summary>
    public JsonElement? Tag { get; init; }

    /// <summary>The longest the call may last once answered; it is hung up (completed) then.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>The synthesizer for <c>say</c> verbs that name none.</summary>
    public SpeechDefaults Speech { get; init; } = SpeechDefaults.None;

    /// <summary>Record the whole call, from answer to end, as a stereo Recording (an application's <c>record_all_calls</c>).</summary>
    public bool RecordAll { get; init; }

    /// <summary>Answering-machine detection from the answer on; null for none.</summary>
    public AmdSettings? Amd { get; init; }
}
