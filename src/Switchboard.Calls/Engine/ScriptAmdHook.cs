using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Amd;

namespace Switchboard.Calls.Engine;

/// <summary>The events of detection a <c>config</c> verb started, posted through the script source to the hook it named.</summary>
internal sealed class ScriptAmdHook(IAmdHooks hooks, string hook) : IAmdHook
{
    public ValueTask<IReadOnlyList<Verb>?> OnAmdEventAsync(CallSnapshot call, AmdEvent amdEvent, CancellationToken cancellationToken) =>
        hooks.OnAmdReportAsync(call, hook, AmdReport.Of(amdEvent), cancellationToken);

    public ValueTask<IReadOnlyList<Verb>?> OnAmdReportAsync(CallSnapshot call, AmdReport report, CancellationToken cancellationToken) =>
        hooks.OnAmdReportAsync(call, hook, report, cancellationToken);
}
