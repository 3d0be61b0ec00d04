using System.Text.Json;
using Switchboard.Calls.Engine;

namespace Switchboard.Calls.Callbacks;

/// <summary>How to call one leg of a callback session: whom, with which caller ID, for how long, and who hears its statuses.</summary>
public sealed record CallbackLegPlan(
    CallTarget Target,
    string From,
    string? CallerName,
    TimeSpan RingTimeout,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    ICallEventSink Sink)
{
    /// <summary>The application's data for the leg, carried by its events.</summary>
    public JsonElement? Tag { get; init; }
}
