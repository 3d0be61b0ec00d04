using System.Net;
using System.Net.Sockets;

namespace Switchboard.Bench.Media.Rtpengine;

/// <summary>
/// A client of rtpengine's ng control protocol over UDP, one request at a time: <c>ping</c>, and the
/// <c>offer</c> / <c>answer</c> / <c>delete</c> a SIP proxy sends for each call. A request that gets no reply
/// is sent again with the same cookie, as the protocol's retransmission rule expects.
/// </summary>
internal sealed class NgClient : IDisposable
{
    private const int Attempts = 3;
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(2);

    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

    // A delete's reply carries the call's statistics, which for a long call run to several kilobytes.
    private readonly byte[] _replyBuffer = new byte[65536];
    private readonly string _cookiePrefix = $"{Environment.ProcessId}_";
    private int _sequence;

    public NgClient(IPEndPoint daemon)
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _socket.Connect(daemon);
    }

    public Task<NgReply> PingAsync(CancellationToken cancellationToken) => SendAsync(NewRequest("ping"), cancellationToken);

    /// <summary>
    /// Hands rtpengine the caller's SDP. The reply's SDP is what the callee is to get: its c=/m= name the
    /// relay port the callee sends to, which rtpengine relays to the address in <paramref name="sdp"/>.
    /// </summary>
    public Task<NgReply> OfferAsync(string callId, string fromTag, string sdp, CancellationToken cancellationToken) =>
        SendAsync(
            WithPlainRtpFlags(NewRequest("offer").Add("call-id"u8, callId).Add("from-tag"u8, fromTag).Add("sdp"u8, sdp)),
            cancellationToken);

    /// <summary>
    /// Hands rtpengine the callee's SDP. The reply's SDP is what the caller is to get: the relay port the caller
    /// sends to, relayed to the address in <paramref name="sdp"/>.
    /// </summary>
    public Task<NgReply> AnswerAsync(string callId, string fromTag, string toTag, string sdp, CancellationToken cancellationToken) =>
        SendAsync(
            WithPlainRtpFlags(NewRequest("answer").Add("call-id"u8, callId).Add("from-tag"u8, fromTag).Add("to-tag"u8, toTag).Add("sdp"u8, sdp)),
            cancellationToken);

    public Task<NgReply> DeleteAsync(string callId, string fromTag, CancellationToken cancellationToken) =>
        SendAsync(NewRequest("delete").Add("call-id"u8, callId).Add("from-tag"u8, fromTag), cancellationToken);

    public void Dispose() => _socket.Dispose();

    /// <summary>
    /// Plain RTP/AVP in, plain RTP/AVP out, no ICE, media sent to the addresses the SDP names (not to where the
    /// request came from), and rtpengine's own address written into the session-level c= and o= lines.
    /// </summary>
    private static NgRequest WithPlainRtpFlags(NgRequest request) =>
        request
            .Add("transport-protocol"u8, "RTP/AVP")
            .Add("ICE"u8, "remove")
            .AddList("flags"u8, "trust-address")
            .AddList("replace"u8, "origin", "session-connection");

    private NgRequest NewRequest(string command) => new($"{_cookiePrefix}{Interlocked.Increment(ref _sequence)}", command);

    private async Task<NgReply> SendAsync(NgRequest request, CancellationToken cancellationToken)
    {
        var wire = request.Finish();
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            await _socket.SendAsync(wire, SocketFlags.None, cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ReplyTimeout);
            try
            {
                while (true)
                {
                    var length = await _socket.ReceiveAsync(_replyBuffer, SocketFlags.None, timeout.Token);
                    if (TryReadReply(_replyBuffer.AsSpan(0, length), request.Cookie) is { } reply)
                    {
                        return reply;
                    }
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // No reply in time: send it again below, same cookie.
            }
        }

        throw new TimeoutException($"rtpengine did not answer '{request.Command}' in {Attempts} attempts");
    }

    /// <summary>The reply if <paramref name="datagram"/> answers the request with <paramref name="cookie"/>; a late reply to an earlier request is null.</summary>
    private static NgReply? TryReadReply(ReadOnlySpan<byte> datagram, ReadOnlySpan<byte> cookie) =>
        datagram.StartsWith(cookie) ? NgReply.Parse(datagram[cookie.Length..]) : null;
}
