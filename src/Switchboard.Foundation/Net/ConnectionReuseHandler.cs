using System.Collections.Concurrent;
using System.Net.Sockets;

namespace Switchboard.Foundation.Net;

/// <summary>
/// Keeps requests (webhooks, audio fetches) off connections the server has ended. <see cref="SocketsHttpHandler"/>
/// pools a connection after an HTTP/1.0 answer with a Content-Length even without <c>Connection: keep-alive</c>,
/// though such a server closes it (RFC 1945 §1.3; RFC 9112 §9.3: an HTTP/1.0 connection persists only when both
/// sides asked for keep-alive). A request written in the moment before the server's FIN arrives meets a closed
/// socket and fails; a call hook is asked once, so the call failed with it, and a <c>play</c> lost its audio. Here:
/// <list type="bullet">
/// <item>the connection that carried such an answer (or <c>Connection: close</c>) is retired: it refuses the next
/// request before sending a byte, and that request goes out on a new connection;</item>
/// <item>later requests to a server that answered so carry <c>Connection: close</c>, so their connections are never
/// pooled at all;</item>
/// <item>a request that fails on a reused connection before any byte of the answer arrives is sent once more on a new
/// connection (RFC 9112 §9.3.1: a client may retry a request when the connection closed before any part of the
/// response, and a receiver that never got the request cannot have acted on it).</item>
/// </list>
/// Each connection is counted (<see cref="TrackedConnectionStream"/>) by wrapping the handler's
/// <see cref="SocketsHttpHandler.ConnectCallback"/>, so the address checks of <see cref="PublicAddressFilter"/> stay
/// where they are.
/// </summary>
public sealed class ConnectionReuseHandler : DelegatingHandler
{
    /// <summary>
    /// Retired connections one request may meet in the pool before it gives up. Each is discarded once met, so a request
    /// meets at most those the pool held; under a burst to a server that closes after every answer that is about as many
    /// as were answered just before (ten seen at 20 calls a second on a loaded machine), so this only guards the loop.
    /// </summary>
    private const int MaxLocalRefusals = 256;

    /// <summary>Servers remembered as closing after each answer; forgotten all at once past this many.</summary>
    private const int MaxRememberedServers = 1024;

    private readonly ConcurrentDictionary<string, byte> _closingServers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Sends through <paramref name="sockets"/>, whose connect callback is wrapped to count each connection.</summary>
    /// <param name="sockets">
    /// The handler that makes the connections, not yet used; its <see cref="SocketsHttpHandler.ConnectCallback"/>
    /// (a plain TCP connect when none is set) is kept and wrapped.
    /// </param>
    public ConnectionReuseHandler(SocketsHttpHandler sockets)
        : base(Track(sockets))
    {
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var server = request.RequestUri!.GetLeftPart(UriPartial.Authority);
        if (_closingServers.ContainsKey(server))
        {
            request.Headers.ConnectionClose = true;
        }

        var refusals = 0;
        var resent = false;
        while (true)
        {
            var attempt = new ConnectionAttempt();
            ConnectionAttempt.Current = attempt;
            try
            {
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                attempt.Connection?.CountAnswer();
                Remember(response.RequestMessage?.RequestUri?.GetLeftPart(UriPartial.Authority) ?? server, response, attempt);
                return response;
            }
            catch (HttpRequestException) when (!cancellationToken.IsCancellationRequested && MaySendAgain(attempt, ref refusals, ref resent))
            {
            }
            finally
            {
                ConnectionAttempt.Current = null;
            }
        }
    }

    private static SocketsHttpHandler Track(SocketsHttpHandler sockets)
    {
        ArgumentNullException.ThrowIfNull(sockets);
        var connect = sockets.ConnectCallback ?? ConnectAsync;
        sockets.ConnectCallback = async (context, cancellationToken) =>
            new TrackedConnectionStream(await connect(context, cancellationToken).ConfigureAwait(false));
        return sockets;
    }

    /// <summary>What <see cref="SocketsHttpHandler"/> does when it has no connect callback: TCP to the host and port.</summary>
    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>RFC 9112 §9.3: HTTP/1.0 persists only with keep-alive; any version ends with <c>Connection: close</c>.</summary>
    private static bool EndsConnection(HttpResponseMessage response) =>
        response.Headers.ConnectionClose == true
        || (response.Version == System.Net.HttpVersion.Version10
            && !response.Headers.Connection.Contains("keep-alive", StringComparer.OrdinalIgnoreCase));

    private static bool MaySendAgain(ConnectionAttempt attempt, ref int refusals, ref bool resent)
    {
        if (attempt.RefusedLocally)
        {
            return ++refusals <= MaxLocalRefusals;
        }

        if (resent || !attempt.Reused || attempt.ReceivedAnswerBytes)
        {
            return false;
        }

        resent = true;
        return true;
    }

    private void Remember(string server, HttpResponseMessage response, ConnectionAttempt attempt)
    {
        if (!EndsConnection(response))
        {
            return;
        }

        attempt.Connection?.Retire();
        if (response.Version == System.Net.HttpVersion.Version10)
        {
            if (_closingServers.Count >= MaxRememberedServers)
            {
                _closingServers.Clear();
            }

            _closingServers.TryAdd(server, 0);
        }
    }
}
