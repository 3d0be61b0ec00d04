using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Switchboard.Media.Sessions;

/// <summary>
/// The portable pump: one <see cref="DatagramLoop"/> per socket on the thread pool, through .NET's socket
/// engine. Used where <see cref="EpollDatagramPump"/> is not available.
/// </summary>
internal sealed class TaskDatagramPump(ILogger logger) : IDatagramPump
{
    public IAsyncDisposable Register(Socket socket, IDatagramHandler handler, int localPort)
    {
        var stopping = new CancellationTokenSource();
        var loop = Task.Run(() => DatagramLoop.RunAsync(socket, handler, localPort, logger, stopping.Token));
        return new Registration(stopping, loop);
    }

    public void Dispose()
    {
    }

    private sealed class Registration(CancellationTokenSource stopping, Task loop) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await stopping.CancelAsync().ConfigureAwait(false);
            await loop.ConfigureAwait(false);
            stopping.Dispose();
        }
    }
}
