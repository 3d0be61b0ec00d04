using Switchboard.Calls.Scripts;

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
    ICallEventSink Sink);
