using Switchboard.Calls.Engine;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Amd;

namespace Switchboard.Calls.Scripts;

/// <summary>
/// Where a call's answering-machine events go (jambonz's <c>amd.actionHook</c>). Its answer may take over the
/// call: that is how a voicemail drop works (on the beep, say the message and hang up).
/// </summary>
public interface IAmdHook
{
    /// <summary>Reports one event; returns verbs that replace those running, or null (or none) to go on.</summary>
    ValueTask<IReadOnlyList<Verb>?> OnAmdEventAsync(CallSnapshot call, AmdEvent amdEvent, CancellationToken cancellationToken);

    /// <summary>
    /// Reports one event with what a recognizer heard of the greeting, or an error. By default the event alone, and
    /// nothing for an error: a hook whose dialect has no such fields (the event/action API's VMDETECTED) need not know them.
    /// </summary>
    ValueTask<IReadOnlyList<Verb>?> OnAmdReportAsync(CallSnapshot call, AmdReport report, CancellationToken cancellationToken) =>
        report.Event is { } amdEvent ? OnAmdEventAsync(call, amdEvent, cancellationToken) : ValueTask.FromResult<IReadOnlyList<Verb>?>(null);
}
