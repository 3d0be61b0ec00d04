using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Switchboard.Media.Sessions;

/// <summary>
/// Receives datagrams on one socket until cancelled or closed, on a pooled buffer with the SocketAddress-based
/// <see cref="Socket.ReceiveFromAsync(Memory{byte}, SocketFlags, SocketAddress, CancellationToken)"/>, so
/// nothing is allocated per datagram.
/// </summary>
internal static class DatagramLoop
{
    private const int BufferSize = 2048;

    public static async Task RunAsync(Socket socket, IDatagramHandler handler, int localPort, ILogger logger, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        var address = new SocketAddress(socket.AddressFamily);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                int length;
                try
                {
                    length = await socket.ReceiveFromAsync(buffer.AsMemory(), SocketFlags.None, address, cancellationToken)
                        .ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                catch (ObjectDisposedException)
                {
                    break;
                }
                catch (SocketException exception) when (exception.SocketErrorCode is SocketError.ConnectionReset
                    or SocketError.ConnectionRefused or SocketError.MessageSize)
                {
                    // An ICMP error for an earlier send, or an oversized datagram: not fatal for the stream.
                    handler.OnBadDatagram();
                    continue;
                }
                catch (SocketException exception)
                {
                    if (!cancellationToken.IsCancellationRequested)
                    {
                        Log.ReceiveFailed(logger, localPort, exception);
                    }

                    break;
                }

                handler.Handle(buffer.AsSpan(0, length), address);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
