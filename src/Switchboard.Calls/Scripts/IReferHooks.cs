using Switchboard.Calls.Engine;
using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Scripts;

/// <summary>
/// Where a transfer a peer asks for (an incoming REFER) is posted: the application's <c>referHook</c>, from
/// <c>config</c> or from the <c>dial</c> that connects the call. Implemented by script sources that can post to hooks.
/// </summary>
public interface IReferHooks
{
    /// <summary>
    /// Posts <paramref name="call"/> with the transfer's details to <paramref name="hook"/>; returns the verbs its answer
    /// holds (none for an empty answer). Throws when the hook fails: the transfer is then refused.
    /// </summary>
    ValueTask<IReadOnlyList<Verb>> OnTransferAskedAsync(CallSnapshot call, string hook, IncomingTransfer transfer, CancellationToken cancellationToken);
}
