using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Switchboard.Bench.Latency;

/// <summary>
/// A deliberately small SIP callee for measuring: it timestamps the INVITE as it comes off the socket, answers
/// it, presses 1 with RFC 4733 packets on request, and answers the BYE. It is a test peer, not product code.
/// </summary>
internal sealed partial class MiniCallee : IDisposable
{
    private readonly UdpClient _sip = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly UdpClient _rtp = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly List<long> _arrivals = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _listening;

    public MiniCallee()
    {
        _listening = ListenAsync();
    }

    public int Port => ((IPEndPoint)_sip.Client.LocalEndPoint!).Port;

    /// <summary>Waits for an INVITE, answers it, waits for the ACK. Returns when the INVITE arrived and where to send RTP.</summary>
    public async Task<(long InviteTicks, IPEndPoint Media)> AnswerAsync(CancellationToken cancellationToken)
    {
        var (invite, from, ticks) = await ReceiveAsync("INVITE", cancellationToken);
        var media = new IPEndPoint(IPAddress.Parse(SdpAddress().Match(invite).Groups[1].Value), int.Parse(SdpPort().Match(invite).Groups[1].Value));
        var rtpPort = ((IPEndPoint)_rtp.Client.LocalEndPoint!).Port;
        var sdp = $"v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio {rtpPort} RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\n";
        await SendAsync(Response(invite, "200 OK", $"Contact: <sip:127.0.0.1:{Port}>\r\nContent-Type: application/sdp\r\n", sdp), from, cancellationToken);
        await ReceiveAsync("ACK", cancellationToken);
        return (ticks, media);
    }

    /// <summary>Sends key 1 (RFC 4733 §2.5: start packets, then three end packets); returns when the first end packet left.</summary>
    public async Task<long> PressOneAsync(IPEndPoint media, CancellationToken cancellationToken)
    {
        var packet = new byte[16];
        var ssrc = (uint)Random.Shared.Next();
        long endTicks = 0;
        for (var i = 0; i < 8; i++)
        {
            var end = i >= 5;
            packet[0] = 0x80;
            packet[1] = (byte)((i == 0 ? 0x80 : 0) | 101);
            BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), (ushort)(1000 + i));
            BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), 16000);
            BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), ssrc);
            packet[12] = 1;
            packet[13] = (byte)((end ? 0x80 : 0) | 10);
            BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(14), (ushort)(Math.Min(i + 1, 5) * 160));
            if (i == 5)
            {
                endTicks = Stopwatch.GetTimestamp();
            }

            await _rtp.SendAsync(packet, media, cancellationToken);
            if (!end)
            {
                await Task.Delay(20, cancellationToken);
            }
        }

        return endTicks;
    }

    /// <summary>Answers the BYE that ends the call.</summary>
    public async Task AwaitByeAsync(CancellationToken cancellationToken)
    {
        var (bye, from, _) = await ReceiveAsync("BYE", cancellationToken);
        await SendAsync(Response(bye, "200 OK", "", ""), from, cancellationToken);
    }

    /// <summary>When each audio packet (PCMU) from the server arrived since the last call of this, in order.</summary>
    public long[] TakeArrivals()
    {
        lock (_arrivals)
        {
            var arrivals = _arrivals.ToArray();
            _arrivals.Clear();
            return arrivals;
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _sip.Dispose();
        _rtp.Dispose();
        _listening.Wait(TimeSpan.FromSeconds(1));
    }

    private async Task ListenAsync()
    {
        try
        {
            while (true)
            {
                var result = await _rtp.ReceiveAsync(_stop.Token);
                var ticks = Stopwatch.GetTimestamp();
                if (result.Buffer.Length > 12 && (result.Buffer[1] & 0x7F) == 0)
                {
                    lock (_arrivals)
                    {
                        _arrivals.Add(ticks);
                    }
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Disposed.
        }
    }

    private async Task<(string Message, IPEndPoint From, long Ticks)> ReceiveAsync(string method, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await _sip.ReceiveAsync(cancellationToken);
            var ticks = Stopwatch.GetTimestamp();
            var text = Encoding.UTF8.GetString(result.Buffer);
            if (text.StartsWith(method + " ", StringComparison.Ordinal))
            {
                return (text, result.RemoteEndPoint, ticks);
            }
        }
    }

    private Task SendAsync(string message, IPEndPoint to, CancellationToken cancellationToken) =>
        _sip.SendAsync(Encoding.UTF8.GetBytes(message), to, cancellationToken).AsTask();

    private static string Response(string request, string status, string extraHeaders, string body)
    {
        var headers = new StringBuilder($"SIP/2.0 {status}\r\n");
        foreach (var line in request.Split("\r\n"))
        {
            if (line.StartsWith("Via:", StringComparison.OrdinalIgnoreCase) || line.StartsWith("From:", StringComparison.OrdinalIgnoreCase)
                || line.StartsWith("Call-ID:", StringComparison.OrdinalIgnoreCase) || line.StartsWith("CSeq:", StringComparison.OrdinalIgnoreCase))
            {
                headers.Append(line).Append("\r\n");
            }
            else if (line.StartsWith("To:", StringComparison.OrdinalIgnoreCase))
            {
                headers.Append(line.Contains(";tag=", StringComparison.Ordinal) ? line : line + ";tag=bench").Append("\r\n");
            }
        }

        headers.Append(extraHeaders).Append($"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n").Append(body);
        return headers.ToString();
    }

    [GeneratedRegex(@"c=IN IP4 ([0-9.]+)")]
    private static partial Regex SdpAddress();

    [GeneratedRegex(@"m=audio ([0-9]+)")]
    private static partial Regex SdpPort();
}
