using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Tests.UserAgent;

/// <summary>One raw TCP connection on loopback, written by hand and read with <see cref="SipStreamFramer"/>.</summary>
sealed class TcpPeer : IDisposable
{
    readonly Socket _socket;
    readonly List<byte> _received = [];

    TcpPeer(Socket socket) => _socket = socket;

    public IPEndPoint LocalEndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    public static async Task<TcpPeer> ConnectAsync(IPEndPoint remote)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(remote);
        return new TcpPeer(socket);
    }

    /// <summary>Listens on a free loopback port; <see cref="AcceptAsync"/> takes the first connection.</summary>
    public static Socket Listen()
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        return listener;
    }

    public static async Task<TcpPeer> AcceptAsync(Socket listener, double seconds = 5)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var socket = await listener.AcceptAsync(cts.Token);
        socket.NoDelay = true;
        return new TcpPeer(socket);
    }

    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text));

    public async Task SendAsync(byte[] bytes) => await _socket.SendAsync(bytes);

    /// <summary>Writes one byte per send, so the far end's framer sees the message arrive in every possible piece.</summary>
    public async Task SendByteByByteAsync(string text)
    {
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            await _socket.SendAsync(new[] { b });
        }
    }

    public async Task<SipMessage> ReceiveAsync(double seconds = 5, bool strict = true)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var buffer = new byte[65536];
        while (true)
        {
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(_received.ToArray()));
            if (SipStreamFramer.TryReadMessage(ref reader, out var message, out var error))
            {
                _received.RemoveRange(0, (int)reader.Consumed);
                return UdpPeer.Checked(SipParser.Parse(message.ToArray()), strict);
            }

            Assert.Null(error);
            var read = await _socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
            if (read == 0)
            {
                throw new IOException("The connection closed.");
            }

            _received.AddRange(buffer.AsSpan(0, read).ToArray());
        }
    }

    public async Task<bool> NothingWithinAsync(double seconds)
    {
        try
        {
            await ReceiveAsync(seconds);
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    public async Task<SipRequest> ReceiveRequestAsync(string method, double seconds = 5)
    {
        while (true)
        {
            if (await ReceiveAsync(seconds) is SipRequest request && request.Method.Name == method)
            {
                return request;
            }
        }
    }

    public async Task<SipResponse> ReceiveResponseAsync(int status, double seconds = 5)
    {
        while (true)
        {
            if (await ReceiveAsync(seconds) is SipResponse response && response.StatusCode == status)
            {
                return response;
            }
        }
    }

    /// <summary>Answers <paramref name="request"/> on this connection the way a UAS would (RFC 3261 §8.2.6.2).</summary>
    public Task RespondAsync(SipRequest request, int status, string reason, string? toTag = "peer1", string extra = "", string body = "")
    {
        var text = new StringBuilder($"SIP/2.0 {status} {reason}\r\n");
        foreach (var header in request.Headers)
        {
            if (header.Name is SipHeaderNames.Via or SipHeaderNames.From or SipHeaderNames.CallId or SipHeaderNames.CSeq)
            {
                text.Append(header).Append("\r\n");
            }
            else if (header.Name == SipHeaderNames.To)
            {
                text.Append(header).Append(toTag is null || request.To?.Tag is not null ? "" : ";tag=" + toTag).Append("\r\n");
            }
        }

        text.Append(extra).Append($"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}");
        return SendAsync(text.ToString());
    }

    public void Dispose() => _socket.Dispose();
}
