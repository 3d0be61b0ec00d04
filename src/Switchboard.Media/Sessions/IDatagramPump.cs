using System.Net.Sockets;

namespace Switchboard.Media.Sessions;

/// <summary>Receives the datagrams of many sockets and hands them to their handlers.</summary>
internal interface IDatagramPump : IDisposable
{
    /// <summary>
    /// Starts handing <paramref name="socket"/>'s datagrams to <paramref name="handler"/>. Once the returned
    /// registration is disposed, no call to the handler is running or will start, and the socket may be closed.
    /// </summary>
    IAsyncDisposable Register(Socket socket, IDatagramHandler handler, int localPort);
}
