using Switchboard.Calls.Engine;
using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Scripts;

/// <summary>
/// Where a call's verbs come from: the request itself, an application's hook, or an event/action webhook.
/// All answer one question: given the last result, what verbs come next?
/// </summary>
public interface IScriptSource
{
    /// <summary>The verbs to run once the call is answered.</summary>
    ValueTask<IReadOnlyList<Verb>> StartAsync(CallSnapshot call, CancellationToken cancellationToken);

    /// <summary>
    /// A verb produced a result. Returns the verbs that replace those still queued, or null to go on with them.
    /// </summary>
    ValueTask<IReadOnlyList<Verb>?> OnVerbResultAsync(CallSnapshot call, VerbResult result, CancellationToken cancellationToken);
}
