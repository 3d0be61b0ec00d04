using Switchboard.Calls.Engine;
using Switchboard.Storage.Calls;

namespace Switchboard.Api.V1.Calls;

/// <summary>
/// Something the call's application asked for that was not done (a verb this server cannot run yet, a prompt whose
/// audio failed), shown on the call as a problem-details entry: what was skipped and why, and when.
/// </summary>
public sealed record CallWarning(string Title, string Detail, DateTimeOffset At)
{
    /// <summary>The warnings among a call's stored events, in the order they happened.</summary>
    public static IReadOnlyList<CallWarning> Of(IEnumerable<CallEventRecord> events) =>
        [.. events.Where(e => e.Name == CallEventNames.VerbFailed).Select(e => new CallWarning("Skipped", e.Detail ?? string.Empty, e.At))];
}
