using Microsoft.Extensions.Logging;
using Switchboard.Calls.Durability;
using Switchboard.Storage.Callbacks;

namespace Switchboard.Calls.Callbacks;

/// <summary>
/// Runs once at start, beside <see cref="CrashRecovery"/> (which ends the legs and delivers the session's final
/// event): sessions a crash left unfinished are stored as failed, so <c>GET</c> no longer shows them live.
/// </summary>
public sealed class CallbackSessionRecovery(ICallbackSessionStore store, TimeProvider timeProvider, ILogger<CallbackSessionRecovery> logger)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var ended = await store.FailUnfinishedAsync(
            CallbackSessionState.Completed.ToString(),
            CallbackSessionState.Failed.ToString(),
            CrashRecovery.RestartReason,
            timeProvider.GetUtcNow(),
            cancellationToken).ConfigureAwait(false);
        if (ended > 0)
        {
            Log.SessionsRecovered(logger, ended);
        }

        return ended;
    }
}
