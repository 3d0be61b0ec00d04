using Switchboard.Calls.Engine;

namespace Switchboard.Calls.Scripts;

/// <summary>
/// Where a transfer's progress reports go that no verb waits on (a <c>sip:refer</c>'s <c>eventHook</c>). A script
/// source that can post them implements it beside <see cref="IScriptSource"/>; under one that cannot, the reports
/// are only logged.
/// </summary>
public interface ITransferHooks
{
    /// <summary>Posts one progress report of the referred call (<paramref name="sipStatus"/>, from a NOTIFY) to <paramref name="hook"/>.</summary>
    ValueTask OnTransferProgressAsync(CallSnapshot call, string hook, int sipStatus, CancellationToken cancellationToken);
}
