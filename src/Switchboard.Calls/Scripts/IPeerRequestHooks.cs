using Switchboard.Calls.Engine;
using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Scripts;

/// <summary>Where the requests a call's peer sends inside the dialog are posted (<c>config.sipRequestWithinDialogHook</c>).</summary>
public interface IPeerRequestHooks
{
    /// <summary>Posts <paramref name="call"/> with <paramref name="request"/> to <paramref name="hook"/>; returns the verbs its answer holds (none for an empty one).</summary>
    ValueTask<IReadOnlyList<Verb>> OnPeerRequestAsync(CallSnapshot call, string hook, PeerRequest request, CancellationToken cancellationToken);
}
