using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Switchboard.Bench.Callback;

/// <summary>
/// Every callee of the bench on one SIP socket: it answers each INVITE at once in PCMU with a fresh RTP socket,
/// streams 20 ms frames from every answered leg on one timer, and answers BYEs. A test peer, not product code.
/// </summary>
internal sealed partial class CalleeFarm : IDisposable
{
    private readonly UdpClient _sip = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly CancellationTokenSource _stop = new();

    public CalleeFarm()
    {
        _ = ServeAsync();
        _ = StreamAsync();
    }

    public int Port => ((IPEndPoint)_sip.Client.LocalEndPoint!).Port;

    /// <summary>Answered legs by the user part they were called at.</summary>
    public ConcurrentDictionary<string, CalleeLeg> Legs { get; } = new();

    private ConcurrentDictionary<string, CalleeLeg> ByCallId { get; } = new();

    public void Dispose()
    {
        _stop.Cancel();
        _sip.Dispose();
        foreach (var leg in Legs.Values)
        {
            leg.Dispose();
        }
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            UdpReceiveResult result;
            try
            {
                result = await _sip.ReceiveAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }

            var message = Encoding.UTF8.GetString(result.Buffer);
            var callId = CallId().Match(message).Groups[1].Value.Trim();
            if (message.StartsWith("INVITE ", StringComparison.Ordinal) && !ByCallId.ContainsKey(callId))
            {
                var user = RequestUser().Match(message).Groups[1].Value;
                var media = new IPEndPoint(IPAddress.Parse(SdpAddress().Match(message).Groups[1].Value), int.Parse(SdpPort().Match(message).Groups[1].Value));
                var leg = new CalleeLeg(user, media);
                ByCallId[callId] = leg;
                var sdp = $"v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio {leg.Port} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=ptime:20\r\n";
                Send(Response(message, "200 OK", $"Contact: <sip:127.0.0.1:{Port}>\r\nContent-Type: application/sdp\r\n", sdp), result.RemoteEndPoint);
                Legs[user] = leg;
            }
            else if (message.StartsWith("BYE ", StringComparison.Ordinal) || message.StartsWith("CANCEL ", StringComparison.Ordinal))
            {
                if (ByCallId.TryGetValue(callId, out var leg))
                {
                    leg.Ended = true;
                }

                Send(Response(message, "200 OK", string.Empty, string.Empty), result.RemoteEndPoint);
            }
        }
    }

    /// <summary>One frame from every answered leg every 20 ms, on absolute deadlines so the pace does not drift.</summary>
    private async Task StreamAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
        {
            foreach (var leg in ByCallId.Values)
            {
                leg.SendFrame();
            }
        }
    }

    private void Send(string message, IPEndPoint to) => _sip.Send(Encoding.UTF8.GetBytes(message), to);

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

    [GeneratedRegex(@"^INVITE sip:([^@]+)@")]
    private static partial Regex RequestUser();

    [GeneratedRegex(@"Call-ID:\s*(\S+)", RegexOptions.IgnoreCase)]
    private static partial Regex CallId();

    [GeneratedRegex(@"c=IN IP4 ([0-9.]+)")]
    private static partial Regex SdpAddress();

    [GeneratedRegex(@"m=audio ([0-9]+)")]
    private static partial Regex SdpPort();
}
