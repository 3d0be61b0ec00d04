using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Engine;

/// <summary>The request for one leg of a <c>dial</c>: a call of its own whose parent is the dialling call.</summary>
internal static class DialLegRequest
{
    public static CallRequest For(CallRequest parent, string parentSid, DialVerb dial, CallTarget target) =>
        // The leg shows the caller's number by default: for an inbound call the one who called, for an outbound one
        // the number this call came from; the dial's callerId replaces it.
        new(
            parent.AccountSid,
            dial.CallerId ?? parent.From,
            dial.CallerName,
            null,
            target,
            dial.Timeout,
            dial.Headers,
            NoVerbs.Instance,
            parent.CreateLegSink?.Invoke() ?? SilentSink.Instance)
        {
            ApplicationSid = parent.ApplicationSid,
            Dialect = parent.Dialect,
            ParentCallSid = parentSid,
            TimeLimit = dial.TimeLimit,
            Speech = parent.Speech,
            // The hooks are the dialling application's: only its script source knows how to post to them.
            Confirmation = (target.ConfirmHook ?? dial.ConfirmHook) is { } confirmHook && parent.Script is IDialLegHooks confirms ? confirms.ConfirmScript(confirmHook) : null,
            Amd = dial.Amd is { } amd && parent.Script is IDialLegHooks detects ? new AmdSettings(amd.Options, detects.AmdHook(amd.ActionHook)) : null,
        };
}
