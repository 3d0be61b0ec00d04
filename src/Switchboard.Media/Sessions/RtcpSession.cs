using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Switchboard.Media.Clock;
using Switchboard.Media.Rtp;

namespace Switchboard.Media.Sessions;

/// <summary>
/// RTCP on the odd port (RFC 3550 §6): an SR while we send (always, since our stream is continuous) or an
/// RR, each with a report block on the peer's stream and our CNAME, at the §6.3.1 interval counted in media
/// clock ticks (no timer of its own), and a BYE on close. The peer's SR/RR give its view of our stream and
/// the round-trip time. Its source is latched like RTP (RFC 4961 §3). The tick allocates nothing.
/// </summary>
internal sealed class RtcpSession : IMediaClockStream, IDatagramHandler
{
    private const int PacketCapacity = 256;

    /// <summary>IPv4 (20) + UDP (8): counted in the average RTCP size (§6.3.3).</summary>
    private const int LowerLayerBytes = 28;

    private readonly Socket _socket;
    private readonly int _localPort;
    private readonly RtpSender _sender;
    private readonly RtpReceptionStatistics _reception;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly SymmetricRtpLatch _latch;
    private readonly byte[] _packet = new byte[PacketCapacity];
    private readonly byte[] _cname;
    private readonly Lock _gate = new();
    private volatile SocketAddress? _destination;
    private volatile bool _latchedOwn;
    private long _nextReportTick = -1;
    private double _averageBytes = 100;
    private uint _lastSenderReport;
    private long _lastSenderReportArrival;
    private RemoteReception? _remote;
    private long _roundTripTicks = -1;
    private long _sent;
    private long _received;
    private long _lastPacketTimestamp;
    private long _malformed;

    public RtcpSession(Socket socket, int localPort, RtpSender sender, RtpReceptionStatistics reception, ILogger logger, TimeProvider time)
    {
        _socket = socket;
        _localPort = localPort;
        _sender = sender;
        _reception = reception;
        _logger = logger;
        _time = time;
        _latch = new SymmetricRtpLatch(socket.AddressFamily, time, LatchPolicy.Rtcp);

        // RFC 7022 §4.2: a random CNAME per session (96 bits, base64), so calls cannot be linked by it.
        _cname = Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)));
    }

    public long SentReports => Interlocked.Read(ref _sent);

    public long ReceivedReports => Interlocked.Read(ref _received);

    public long MalformedReports => Interlocked.Read(ref _malformed);

    /// <summary>The <see cref="TimeProvider.GetTimestamp"/> of the peer's last accepted report, or 0 before one.</summary>
    public long LastPacketTimestamp => Interlocked.Read(ref _lastPacketTimestamp);

    /// <summary>The peer's view of our stream, from its last report block about us.</summary>
    public RemoteReception? Remote => Volatile.Read(ref _remote);

    public TimeSpan? RoundTripTime => Interlocked.Read(ref _roundTripTicks) is >= 0 and var ticks ? TimeSpan.FromTicks(ticks) : null;

    /// <summary>RTCP goes to the RTP address's next port (RFC 3550 §11) until the peer's own RTCP latches it.</summary>
    public void SetRtpDestination(IPEndPoint rtp)
    {
        var rtcp = new IPEndPoint(rtp.Address, rtp.Port + 1).Serialize();
        _latch.Reset(rtcp);
        _latchedOwn = false;
        _destination = rtcp;
    }

    /// <summary>The peer's RTP came from elsewhere than its SDP said: follow it, unless its RTCP already latched.</summary>
    public void OnRtpLatched(IPEndPoint rtp)
    {
        var rtcp = new IPEndPoint(rtp.Address, rtp.Port + 1).Serialize();
        _latch.Expect(rtcp);
        if (!_latchedOwn)
        {
            _destination = rtcp;
        }
    }

    public void OnTick(long tick)
    {
        if (_destination is null)
        {
            return;
        }

        if (_nextReportTick < 0)
        {
            _nextReportTick = tick + Ticks(RtcpInterval.Next(initial: true, _averageBytes, Random.Shared));
            return;
        }

        if (tick < _nextReportTick)
        {
            return;
        }

        Send(_packet, tick, goodbye: false);
        _nextReportTick = tick + Ticks(RtcpInterval.Next(initial: false, _averageBytes, Random.Shared));
    }

    /// <summary>
    /// A last report with a BYE (§6.6), when the session closes after it was negotiated. Its own buffer: a
    /// clock tick may still be writing a report.
    /// </summary>
    public void SendGoodbye(long tick)
    {
        if (_destination is not null)
        {
            Send(new byte[PacketCapacity], tick, goodbye: true);
        }
    }

    public void Handle(ReadOnlySpan<byte> datagram, SocketAddress source)
    {
        if (!RtcpReader.TryRead(datagram, _sender.Ssrc, out var summary))
        {
            Interlocked.Increment(ref _malformed);
            return;
        }

        if (!_latch.Accept(source, valid: true, summary.SenderSsrc, 0, out var latched))
        {
            return;
        }

        if (latched is not null)
        {
            _latchedOwn = true;
            _destination = latched;
        }

        Interlocked.Increment(ref _received);
        Interlocked.Exchange(ref _lastPacketTimestamp, _time.GetTimestamp());
        var now = _time.GetUtcNow();
        if (summary.SenderInfo is { } info)
        {
            lock (_gate)
            {
                _lastSenderReport = info.CompactNtp;
                _lastSenderReportArrival = _time.GetTimestamp();
            }
        }

        if (summary.AboutUs is { } block)
        {
            Volatile.Write(ref _remote, new RemoteReception(
                block.FractionLost / 256.0, block.CumulativeLost, TimeSpan.FromSeconds(block.Jitter / 8000.0)));
            if (block.LastSenderReport != 0)
            {
                // §6.4.1: RTT = A − LSR − DLSR, all in 1/65536 s; unsigned arithmetic absorbs the wrap.
                var rtt = unchecked(NtpTime.Compact(now) - block.LastSenderReport - block.DelaySinceLastSenderReport);
                if (rtt < 65536 * 10)
                {
                    Interlocked.Exchange(ref _roundTripTicks, (long)(rtt * (double)TimeSpan.TicksPerSecond / 65536));
                }
            }
        }
    }

    public void OnBadDatagram() => Interlocked.Increment(ref _malformed);

    private void Send(byte[] buffer, long tick, bool goodbye)
    {
        var destination = _destination;
        if (destination is null)
        {
            return;
        }

        RtcpReportBlock? block = null;
        if (_reception.HasSource)
        {
            uint lastSenderReport;
            long arrival;
            lock (_gate)
            {
                lastSenderReport = _lastSenderReport;
                arrival = _lastSenderReportArrival;
            }

            var delay = lastSenderReport == 0 ? 0u : (uint)(_time.GetElapsedTime(arrival).TotalSeconds * 65536);
            block = _reception.CreateBlock(lastSenderReport, delay);
        }

        var packet = buffer.AsSpan();
        var ssrc = _sender.Ssrc;
        var length = _sender.SentPackets > 0
            ? RtcpWriter.WriteSenderReport(packet, ssrc, SenderInfo(tick), block)
            : RtcpWriter.WriteReceiverReport(packet, ssrc, block);
        length += RtcpWriter.WriteCname(packet[length..], ssrc, _cname);
        if (goodbye)
        {
            length += RtcpWriter.WriteGoodbye(packet[length..], ssrc);
        }

        // §6.3.3: avg_rtcp_size moves 1/16 of the way to each packet sent.
        _averageBytes += ((length + LowerLayerBytes) - _averageBytes) / 16;
        try
        {
            _socket.SendTo(packet[..length], SocketFlags.None, destination);
            Interlocked.Increment(ref _sent);
        }
        catch (SocketException exception)
        {
            Log.SendFailed(_logger, _localPort + 1, exception.SocketErrorCode.ToString());
        }
        catch (ObjectDisposedException)
        {
            // Closing: the socket went away under the last report.
        }
    }

    private RtcpSenderInfo SenderInfo(long tick) => new(
        NtpTime.FromDateTime(_time.GetUtcNow()),
        _sender.TimestampFor(tick),
        unchecked((uint)_sender.SentPackets),
        unchecked((uint)_sender.SentOctets));

    private static long Ticks(TimeSpan interval) => (long)Math.Ceiling(interval.TotalMilliseconds / 20);
}
