using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Switchboard.Bench.Media;

/// <summary>
/// The far ends' voices for a bridge run: one thread sends a 20 ms PCMU packet into every stream on
/// absolute deadlines, from the receiver socket that stream's SDP names (so the relay latches at once). Each
/// payload is stamped with its stream's frame index and the time it was sent; a bridge relays PCMU to PCMU
/// byte for byte, and so does rtpengine, so the stamp arrives intact on the far side.
/// </summary>
internal sealed class FrameGenerator : IDisposable
{
    private const int PayloadBytes = 160;
    private static ReadOnlySpan<byte> Magic => "SBFR"u8;

    private readonly (WireReceiver From, SocketAddress To)[] _streams;
    private readonly Thread _thread;
    private volatile bool _measuring;
    private volatile bool _stopping;

    public FrameGenerator((WireReceiver From, SocketAddress To)[] streams)
    {
        _streams = streams;
        _thread = new Thread(Run) { IsBackground = true, Name = "frame generator", Priority = ThreadPriority.AboveNormal };
    }

    public long Sent { get; private set; }

    /// <summary>Frames the kernel refused to send while measuring: lost before they reached the relay.</summary>
    public long SendFailures { get; private set; }

    /// <summary>CPU time this thread used while measuring.</summary>
    public TimeSpan CpuTime { get; private set; }

    /// <summary>The SSRC this generator sends stream <paramref name="stream"/> with.</summary>
    public static uint SsrcOf(int stream) => 0x5B000000u + (uint)stream;

    /// <summary>Reads the stamp: the frame index and when the generator sent it (<see cref="RealtimeNanoseconds"/>).</summary>
    public static bool TryReadStamp(ReadOnlySpan<byte> payload, out uint frame, out long sentAt)
    {
        frame = 0;
        sentAt = 0;
        if (payload.Length < 16 || !payload.StartsWith(Magic))
        {
            return false;
        }

        frame = BinaryPrimitives.ReadUInt32BigEndian(payload[4..]);
        sentAt = BinaryPrimitives.ReadInt64BigEndian(payload[8..]);
        return true;
    }

    /// <summary>CLOCK_REALTIME in nanoseconds: the clock the kernel stamps received datagrams with (SIOCGSTAMPNS).</summary>
    public static long RealtimeNanoseconds() => (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) * 100;

    public void Start() => _thread.Start();

    public void Measure(bool on) => _measuring = on;

    public void Dispose()
    {
        _stopping = true;
        _thread.Join();
    }

    private void Run()
    {
        var packet = new byte[12 + PayloadBytes];
        var payload = packet.AsSpan(12);
        payload.Fill(0xFF);
        Magic.CopyTo(payload);
        var period = Stopwatch.Frequency / 50;
        var start = Stopwatch.GetTimestamp();
        var wasMeasuring = false;
        var cpuAtStart = TimeSpan.Zero;
        for (uint frame = 1; !_stopping; frame++)
        {
            WaitUntil(start + ((frame - 1) * period));
            var measuring = _measuring;
            if (measuring != wasMeasuring)
            {
                if (measuring)
                {
                    cpuAtStart = CpuClock.CurrentThread();
                }
                else
                {
                    CpuTime = CpuClock.CurrentThread() - cpuAtStart;
                }

                wasMeasuring = measuring;
            }

            BinaryPrimitives.WriteUInt32BigEndian(payload[4..], frame);
            for (var i = 0; i < _streams.Length; i++)
            {
                // RTP version 2, PCMU; sequence and timestamp follow the frame; the SSRC names the stream.
                packet[0] = 0x80;
                packet[1] = 0;
                BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), (ushort)frame);
                BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), frame * PayloadBytes);
                BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), SsrcOf(i));
                BinaryPrimitives.WriteInt64BigEndian(payload[8..], RealtimeNanoseconds());
                try
                {
                    _streams[i].From.SendTo(packet, _streams[i].To);
                    if (measuring)
                    {
                        Sent++;
                    }
                }
                catch (SocketException)
                {
                    // A full socket buffer: the frame is lost, as it would be on a network.
                    if (measuring)
                    {
                        SendFailures++;
                    }
                }
            }
        }
    }

    private static void WaitUntil(long deadline)
    {
        var remaining = deadline - Stopwatch.GetTimestamp();
        if (remaining > Stopwatch.Frequency / 500)
        {
            Thread.Sleep((int)((remaining - (Stopwatch.Frequency / 1000)) * 1000 / Stopwatch.Frequency));
        }

        while (Stopwatch.GetTimestamp() < deadline)
        {
            Thread.SpinWait(50);
        }
    }
}
