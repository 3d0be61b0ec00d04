using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Switchboard.Bench.Callback;

/// <summary>
/// One answered leg at the bench's callee: its own RTP socket, the frames it sent (each payload carries a
/// counter, so the far leg can tell which arrived across the bridge) and what it received.
/// </summary>
internal sealed class CalleeLeg : IDisposable
{
    public const int FrameBytes = 160;
    private const uint Magic = 0x5B_C0_FF_EE;
    private readonly List<long> _sentTicks = [];
    private readonly List<(long Ticks, int Counter)> _received = [];
    private ushort _sequence;
    private uint _timestamp;

    public CalleeLeg(string user, IPEndPoint serverMedia)
    {
        User = user;
        ServerMedia = serverMedia;
        Socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        _ = ReceiveAsync();
    }

    /// <summary>The user part the leg was called at (<c>a17</c>, <c>b17</c>).</summary>
    public string User { get; }

    public IPEndPoint ServerMedia { get; }

    public UdpClient Socket { get; }

    public int Port => ((IPEndPoint)Socket.Client.LocalEndPoint!).Port;

    public bool Ended { get; set; }

    /// <summary>When each counter was sent, by counter.</summary>
    public IReadOnlyList<long> SentTicks => _sentTicks;

    public (long Ticks, int Counter)[] Received()
    {
        lock (_received)
        {
            return [.. _received];
        }
    }

    /// <summary>Sends the next 20 ms frame of µ-law silence with the counter in its first bytes.</summary>
    public void SendFrame()
    {
        if (Ended)
        {
            return;
        }

        var packet = new byte[12 + FrameBytes];
        packet[0] = 0x80;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), _sequence++);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), _timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), (uint)Port);
        _timestamp += FrameBytes;
        packet.AsSpan(12).Fill(0xFF);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(12), Magic);
        BinaryPrimitives.WriteInt32BigEndian(packet.AsSpan(16), _sentTicks.Count);
        _sentTicks.Add(Stopwatch.GetTimestamp());
        try
        {
            Socket.Send(packet, packet.Length, ServerMedia);
        }
        catch (SocketException)
        {
            // The server closed the leg's port; the leg ends with the BYE that follows.
        }
    }

    public void Dispose()
    {
        Ended = true;
        Socket.Dispose();
    }

    private async Task ReceiveAsync()
    {
        try
        {
            while (true)
            {
                var result = await Socket.ReceiveAsync();
                var ticks = Stopwatch.GetTimestamp();
                var payload = result.Buffer.AsSpan(12);
                var counter = payload.Length >= 8 && BinaryPrimitives.ReadUInt32BigEndian(payload) == Magic
                    ? BinaryPrimitives.ReadInt32BigEndian(payload[4..])
                    : -1;
                lock (_received)
                {
                    _received.Add((ticks, counter));
                }
            }
        }
        catch (Exception exception) when (exception is ObjectDisposedException or SocketException)
        {
        }
    }
}
