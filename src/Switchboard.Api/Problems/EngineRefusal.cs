using Switchboard.Calls.Engine;
using Switchboard.Calls.Limits;

namespace Switchboard.Api.Problems;

/// <summary>
/// The engine refusing to start a call (no route, no media port, a limit): nothing was placed, so what the request
/// prepared for the call (its webhook queue) is let go before <see cref="ApiExceptionHandler"/> answers.
/// </summary>
public static class EngineRefusal
{
    public static bool Is(Exception exception) => exception is NoRouteException or CallNotPlacedException or CallRefusedException;

    /// <summary>Awaits <paramref name="start"/>; when the engine refuses, runs <paramref name="undo"/> and rethrows.</summary>
    public static async Task<T> StartOrUndoAsync<T>(Task<T> start, Action undo)
    {
        try
        {
            return await start.ConfigureAwait(false);
        }
        catch (Exception refusal) when (Is(refusal))
        {
            undo();
            throw;
        }
    }
}
