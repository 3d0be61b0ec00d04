using Switchboard.Calls.Engine;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Amd;
using Switchboard.Storage.Applications;

namespace Switchboard.Api.V1.Calls;

/// <summary>
/// Posts a call's answering-machine events to jambonz's <c>amd.actionHook</c> (the call's description plus
/// <c>type</c>, <c>reason</c> and what a recognizer heard of the greeting); verbs it answers with take over the call, resolved like any action hook's.
/// </summary>
public sealed class AmdHookSource(WebhookTarget actionHook, HookScriptSource script, CallContext context) : IAmdHook
{
    public ValueTask<IReadOnlyList<Verb>?> OnAmdEventAsync(CallSnapshot call, AmdEvent amdEvent, CancellationToken cancellationToken) =>
        OnAmdReportAsync(call, AmdReport.Of(amdEvent), cancellationToken);

    public async ValueTask<IReadOnlyList<Verb>?> OnAmdReportAsync(CallSnapshot call, AmdReport report, CancellationToken cancellationToken)
    {
        var payload = CallPayload.Build(call, context, null, writer => AmdEventPayload.Write(writer, report));
        return await script.AskHookAsync(actionHook, call, payload, cancellationToken).ConfigureAwait(false);
    }
}
