using Switchboard.Calls.Engine;
using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Scripts;

/// <summary>
/// Where answering-machine events go that a verb started (jambonz <c>config.amd</c>). A script source that can post
/// them implements it beside <see cref="IScriptSource"/>; under one that cannot, such a verb is skipped with a warning.
/// </summary>
public interface IAmdHooks
{
    /// <summary>Posts one report to <paramref name="hook"/>; returns verbs that replace those running, or null (or none) to go on.</summary>
    ValueTask<IReadOnlyList<Verb>?> OnAmdReportAsync(CallSnapshot call, string hook, AmdReport report, CancellationToken cancellationToken);
}
