using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Media.Sessions;

namespace Switchboard.Media.Tests.Support;

internal static class TestEngines
{
    private static int s_next = Random.Shared.Next(0, 2000) * 8;

    /// <summary>
    /// An engine on loopback with its own small slice of ports, so parallel tests do not collide. The slices lie
    /// in 25000-27999, below Linux's ephemeral range (32768 and up), where the tests' own peer sockets land (a peer
    /// bound inside an engine's slice made the port-pool tests see ports refused at random), and apart from the
    /// blocks the functional servers run beside these tests take (20000-24999, 30000-31999).
    /// </summary>
    public static MediaEngine Create(int pairs = 4, TimeSpan? mediaTimeout = null, TimeProvider? time = null) =>
        Create(NextSlice(pairs), pairs, mediaTimeout, time);

    private static int NextSlice(int pairs) => 25000 + (Interlocked.Add(ref s_next, pairs * 2 + 2) % 2990);

    private static MediaEngine Create(int min, int pairs, TimeSpan? mediaTimeout, TimeProvider? time)
    {
        return new MediaEngine(
            new MediaEngineOptions(IPAddress.Loopback, "127.0.0.1", min, min + (pairs * 2) - 1)
            {
                MediaTimeout = mediaTimeout ?? TimeSpan.FromSeconds(30),
            },
            NullLoggerFactory.Instance,
            time ?? TimeProvider.System);
    }

    /// <summary>
    /// <see cref="Create"/>, on a slice whose ports another process is not holding right now: for the tests that
    /// count on every port of a small pool (a socket of a suite running beside these in the slice would make the
    /// pool look exhausted).
    /// </summary>
    public static MediaEngine CreateOnFreePorts(int pairs)
    {
        var min = NextSlice(pairs);
        for (var attempt = 0; attempt < 5 && !AllFree(min, min + (pairs * 2) - 1); attempt++)
        {
            min = NextSlice(pairs);
        }

        return Create(min, pairs, mediaTimeout: null, time: null);
    }

    private static bool AllFree(int min, int max)
    {
        var sockets = new List<System.Net.Sockets.Socket>();
        try
        {
            for (var port = min; port <= max; port++)
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Udp);
                sockets.Add(socket);
                socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            }

            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
        finally
        {
            sockets.ForEach(socket => socket.Dispose());
        }
    }

    public static string AnswerTo(int port, int payloadType = 0, string codec = "PCMU", string direction = "sendrecv") =>
        "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
        + $"m=audio {port} RTP/AVP {payloadType} 101\r\na=rtpmap:{payloadType} {codec}/8000\r\n"
        + $"a=rtpmap:101 telephone-event/8000\r\na={direction}\r\n";
}
