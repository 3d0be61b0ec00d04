using System.Runtime.CompilerServices;

namespace Switchboard.Media.Tests.Support;

/// <summary>
/// The test host blocks pool threads while it starts, and the pool adds threads only every half second, so
/// the first real-time tests saw the receive loops stall for up to 800 ms. Media timing tests need the pool
/// responsive, as a server's would be; a larger minimum removes the host's start-up starvation.
/// </summary>
internal static class ThreadPoolWarmUp
{
    [ModuleInitializer]
    internal static void Initialize()
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 16), Math.Max(completionPorts, 16));
    }
}
