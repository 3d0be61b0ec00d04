using System.Net;
using System.Net.Sockets;
using System.Text;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Tests.UserAgent;

/// <summary>A raw UDP socket on loopback that sends hand-written SIP text and reads what comes back.</summary>
sealed class UdpPeer : IDisposable
{
    readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

    public UdpPeer() => _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));

    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    public void Send(string text, IPEndPoint to) => _socket.SendTo(Encoding.UTF8.GetBytes(text), to);

    public void Send(byte[] bytes, IPEndPoint to) => _socket.SendTo(bytes, to);

    public async Task<SipMessage> ReceiveAsync(double seconds = 5, bool strict = true)
    {
        var buffer = new byte[65536];
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var result = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cts.Token);
        var parsed = SipParser.Parse(buffer.AsMemory(0, result.ReceivedBytes).ToArray());
        return Checked(parsed, strict);
    }

    /// <summary>
    /// The message, which must be valid when <paramref name="strict"/>; otherwise it need only be framed, since an
    /// answer to a malformed request copies that request's headers as they came (RFC 3261 §8.2.6.2).
    /// </summary>
    internal static SipMessage Checked(SipParseResult parsed, bool strict)
    {
        if (strict)
        {
            Assert.True(parsed.IsSuccess, parsed.Error?.Reason);
        }

        Assert.True(parsed.Message is not null, parsed.Error?.Reason);
        return parsed.Message;
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

    /// <summary>Everything that arrives until <paramref name="seconds"/> pass without a message.</summary>
    public async Task<List<SipMessage>> DrainAsync(double seconds)
    {
        var messages = new List<SipMessage>();
        while (true)
        {
            try
            {
                messages.Add(await ReceiveAsync(seconds));
            }
            catch (OperationCanceledException)
            {
                return messages;
            }
        }
    }

    public string Request(string method, string branch, string extra = "", string cseqMethod = "") =>
        $"{method} sip:sb@127.0.0.1 SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP 127.0.0.1:{Port};branch={branch};rport\r\n" +
        "Max-Forwards: 70\r\nFrom: <sip:peer@127.0.0.1>;tag=p1\r\nTo: <sip:sb@127.0.0.1>\r\n" +
        $"Call-ID: {branch}-call\r\nCSeq: 7 {(cseqMethod.Length > 0 ? cseqMethod : method)}\r\n{extra}Content-Length: 0\r\n\r\n";

    /// <summary>Answers <paramref name="request"/> the way a UAS would (RFC 3261 §8.2.6.2).</summary>
    public void Respond(SipRequest request, int status, string reason, IPEndPoint to, string? toTag = "peer1", string extra = "", string body = "")
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
                text.Append(header).Append(toTag is null ? "" : ";tag=" + toTag).Append("\r\n");
            }
        }

        text.Append(extra).Append($"Content-Length: {body.Length}\r\n\r\n{body}");
        Send(text.ToString(), to);
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

    /// <summary>
    /// The next <paramref name="method"/> request after <paramref name="previous"/>: retransmissions of that one (sent
    /// again because a loaded machine delivered its answer late, RFC 3261 §17.1.1.2) are skipped.
    /// </summary>
    public async Task<SipRequest> ReceiveRequestAfterAsync(string method, SipRequest previous, double seconds = 5)
    {
        while (true)
        {
            var request = await ReceiveRequestAsync(method, seconds);
            if (request.CSeq?.Number > previous.CSeq?.Number)
            {
                return request;
            }
        }
    }

    public void Dispose() => _socket.Dispose();
}
