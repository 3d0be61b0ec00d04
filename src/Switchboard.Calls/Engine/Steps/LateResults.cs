using Switchboard.Calls.Scripts;

namespace Switchboard.Calls.Engine.Steps;

/// <summary>
/// A verb's result owed to the script source after the call ended (a recording a hang-up ended, a connected dial the
/// caller left): it is posted for the application's sake as the call's own work, and the answer is ignored, since
/// nothing is left to run it.
/// </summary>
internal static class LateResults
{
    /// <param name="onFailed">Logs why the script source could not be told (its error's message).</param>
    public static void Deliver(StepServices services, CallSnapshot endedCall, VerbResult result, Action<string> onFailed)
    {
        var script = services.Script;
        services.Work.Run(
            async _ =>
            {
                await script.OnVerbResultAsync(endedCall, result, CancellationToken.None).ConfigureAwait(false);
                return null;
            },
            error =>
            {
                onFailed(error.Message);
                return null;
            },
            endsWithOwner: false);
    }
}
