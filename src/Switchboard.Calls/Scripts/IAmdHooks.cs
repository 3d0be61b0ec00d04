using Switchboard.Calls.Engine;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Amd;

namespace Switchboard.Calls.Scripts;

/// <summary>
/// Where answering-machine events go that a verb started (jambonz <c>config.amd</c>). A script source that can post
/// them implements it beside <see cref="IScriptSource"/>; under one that cannot, such a verb is skipped with a warning.
/// </summary>
public interface IAmdHooks
{
    /// <summary>Posts one event to <paramref name="hook"/>; returns verbs that replace those running, or null (or none) to go on.</summary>
    ValueTask<IReadOnlyList<Verb>?> OnAmdEventAsync(CallSnapshot call, string hook, AmdEvent amdEvent, CancellationToken cancellationToken);
}
