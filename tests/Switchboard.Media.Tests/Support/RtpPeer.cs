using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Switchboard.Media.Rtp;

namespace Switchboard.Media.Tests.Support;

/// <summary>A plain UDP socket on loopback playing the far end of an RTP stream: builds, sends and receives packets.</summary>
internal sealed class RtpPeer : IDisposable
{
    private ushort _sequence = 1000;
    private uint _timestamp = 8000;

    public RtpPeer() => Socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));

    private RtpPeer(UdpClient socket) => Socket = socket;

    /// <summary>A peer whose RTCP socket is on the next port, as RFC 3550 §11 places it.</summary>
    public static (RtpPeer Rtp, UdpClient Rtcp) CreateWithRtcp()
    {
        for (var attempt = 0; ; attempt++)
        {
            var rtp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)rtp.Client.LocalEndPoint!).Port;
            try
            {
                return (new RtpPeer(rtp), new UdpClient(new IPEndPoint(IPAddress.Loopback, port + 1)));
            }
            catch (SocketException) when (attempt < 50)
            {
                rtp.Dispose();
            }
        }
    }

    public UdpClient Socket { get; }

    public uint Ssrc { get; init; } = 0x1234ABCD;

    /// <summary>The sequence number of the first packet (another peer's stream going on from a new address).</summary>
    public ushort FirstSequence
    {
        init => _sequence = value;
    }

    public int Port => ((IPEndPoint)Socket.Client.LocalEndPoint!).Port;

    public IPEndPoint EndPoint => (IPEndPoint)Socket.Client.LocalEndPoint!;

    public static byte[] Packet(byte payloadType, ushort sequence, uint timestamp, uint ssrc, ReadOnlySpan<byte> payload, bool marker = false)
    {
        var packet = new byte[RtpHeader.FixedLength + payload.Length];
        new RtpHeader(marker, payloadType, sequence, timestamp, ssrc).WriteTo(packet);
        payload.CopyTo(packet.AsSpan(RtpHeader.FixedLength));
        return packet;
    }

    /// <summary>Sends one frame of <paramref name="payload"/> with the next sequence number and timestamp.</summary>
    public async Task SendAsync(int port, byte payloadType, ReadOnlyMemory<byte> payload)
    {
        var packet = Packet(payloadType, _sequence++, _timestamp, Ssrc, payload.Span);
        _timestamp += (uint)payload.Length;
        await Socket.SendAsync(packet, new IPEndPoint(IPAddress.Loopback, port));
    }

    /// <summary>Sends <paramref name="payload"/> cut in 160-byte frames, one every 20 ms on absolute deadlines.</summary>
    public async Task SendPacedAsync(int port, byte payloadType, byte[] payload)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var frame = 0;
        for (var offset = 0; offset + 160 <= payload.Length; offset += 160, frame++)
        {
            var due = TimeSpan.FromMilliseconds(20 * frame) - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }

            await SendAsync(port, payloadType, payload.AsMemory(offset, 160));
        }
    }

    public async Task<(RtpHeader Header, byte[] Packet)> ReceiveAsync(CancellationToken cancellationToken)
    {
        var packet = (await Socket.ReceiveAsync(cancellationToken)).Buffer;
        Assert.Equal(RtpParseStatus.Success, RtpHeader.TryParse(packet, out var header));
        return (header, packet);
    }

    /// <summary>Receives until <paramref name="predicate"/> holds for a packet, and returns it.</summary>
    public async Task<(RtpHeader Header, byte[] Packet)> ReceiveUntilAsync(Func<RtpHeader, byte[], bool> predicate, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var (header, packet) = await ReceiveAsync(cancel.Token);
            if (predicate(header, packet))
            {
                return (header, packet);
            }
        }
    }

    public static ushort Sequence(byte[] packet) => BinaryPrimitives.ReadUInt16BigEndian(packet.AsSpan(2));

    public void Dispose() => Socket.Dispose();
}
