using System.Net.WebSockets;
using System.Text;
using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Engine.Streams;

/// <summary>
/// Opens media streams' WebSockets to agents. Give it an invoker over the outbound address guard
/// (<c>PublicAddressFilter.CreateHandler</c>) so a call script cannot reach the server's own network; without one it
/// connects anywhere (tests, embedded use).
/// </summary>
public sealed class MediaStreamConnector(HttpMessageInvoker? invoker = null)
{
    /// <summary>How long a WebSocket handshake may take before the stream fails to connect.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Connects without an address guard.</summary>
    public static MediaStreamConnector Unguarded { get; } = new();

    internal async Task<WebSocket> ConnectAsync(Uri url, ListenCredentials? credentials, string? subProtocol, TimeProvider time, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            if (credentials is not null)
            {
                var token = Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials.Username + ":" + credentials.Password));
                socket.Options.SetRequestHeader("Authorization", "Basic " + token);
            }

            if (subProtocol is not null)
            {
                socket.Options.AddSubProtocol(subProtocol);
            }

            // Idle agents are normal (they listen); the keep-alive keeps NATs from dropping the connection meanwhile.
            socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(20);
            using var timeout = new CancellationTokenSource(ConnectTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
            try
            {
                await socket.ConnectAsync(url, invoker, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new WebSocketException($"no handshake within {ConnectTimeout.TotalSeconds} s");
            }

            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
