using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Switchboard.Bench.Media;

/// <summary>
/// One receiving socket on its own thread, standing in for the far ends of many streams: for each packet it
/// notes the arrival time, the gap since the stream's previous packet and sequence gaps, without allocating.
/// The arrival time is the kernel's (SIOCGSTAMPNS: when the packet reached the socket, which on loopback is
/// when it was sent), so this thread's own scheduling does not count; with kernel time off, it is when this
/// thread read the packet. Each stream goes to exactly one receiver, so its state has a single writer.
/// With frame tracking on (bridge runs), payloads stamped by <see cref="FrameGenerator"/> are followed by
/// their frame index, so a frame lost anywhere on its way through the bridge shows as a gap.
/// </summary>
internal sealed unsafe partial class WireReceiver : IDisposable
{
    private const int SiocGStampNs = 0x8907;

    private readonly bool _kernelTime;
    private readonly bool _trackFrames;

    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly Dictionary<uint, int> _streamOf;
    private readonly long[] _lastArrival;
    private readonly ushort[] _lastSequence;
    private readonly uint[] _lastFrame;
    private readonly Thread _thread;
    private volatile bool _measuring;
    private volatile bool _stopping;

    public WireReceiver(Dictionary<uint, int> streamOf, int streams, bool kernelTime, bool trackFrames = false)
    {
        _kernelTime = kernelTime;
        _trackFrames = trackFrames;
        _lastFrame = new uint[trackFrames ? streams : 0];
        _streamOf = streamOf;
        _lastArrival = new long[streams];
        _lastSequence = new ushort[streams];
        _socket.ReceiveBufferSize = 4 * 1024 * 1024;
        _socket.ReceiveTimeout = 200;
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _thread = new Thread(Run) { IsBackground = true, Name = "wire receiver" };
    }

    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    public DeviationHistogram Deviations { get; } = new();

    /// <summary>Time from the generator's send to arrival here, of every stamped frame (frame tracking only).</summary>
    public DeviationHistogram Latencies { get; } = new();

    public long Received { get; private set; }

    /// <summary>Sequence numbers skipped: packets lost, or overtaken (those count again in <see cref="LatePackets"/>).</summary>
    public long Lost { get; private set; }

    /// <summary>Packets older than one already received from their stream: they arrived out of order.</summary>
    public long LatePackets { get; private set; }

    /// <summary>Stamped frames that arrived (frame tracking only).</summary>
    public long FramesDelivered { get; private set; }

    /// <summary>Gaps in the frame index (frame tracking only): frames lost, or overtaken (those count again in <see cref="FramesLate"/>).</summary>
    public long FramesLost { get; private set; }

    /// <summary>Stamped frames that arrived after a later frame of their stream (frame tracking only).</summary>
    public long FramesLate { get; private set; }

    /// <summary>Packets that carried no stamped frame: silence sent while the playout buffer was dry.</summary>
    public long FillFrames { get; private set; }

    /// <summary>Sends from this receiver's socket, so the far end sees the address its SDP named.</summary>
    public void SendTo(ReadOnlySpan<byte> packet, SocketAddress destination) => _socket.SendTo(packet, SocketFlags.None, destination);

    /// <summary>CPU time this thread used while measuring (Linux: from /proc/thread-self/stat).</summary>
    public TimeSpan CpuTime { get; private set; }

    public void Start() => _thread.Start();

    public void Measure(bool on) => _measuring = on;

    public void Dispose()
    {
        _stopping = true;
        if (_thread.ThreadState != System.Threading.ThreadState.Unstarted)
        {
            _thread.Join();
        }

        _socket.Dispose();
    }

    private void Run()
    {
        var buffer = new byte[2048];
        var address = new SocketAddress(AddressFamily.InterNetwork);
        const long Period = 20_000_000;
        var wasMeasuring = false;
        var cpuAtStart = TimeSpan.Zero;
        while (!_stopping)
        {
            int length;
            try
            {
                length = _socket.ReceiveFrom(buffer, SocketFlags.None, address);
            }
            catch (SocketException)
            {
                continue;
            }

            var now = _kernelTime ? KernelArrival() : (long)(Stopwatch.GetTimestamp() * NanosecondsPerTick);
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

            if (length < 12 || !_streamOf.TryGetValue(BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(8)), out var stream))
            {
                continue;
            }

            // RFC 3550 §A.1: sequence numbers compare modulo 2^16; how far this one is past the highest seen.
            var sequence = BinaryPrimitives.ReadUInt16BigEndian(buffer.AsSpan(2));
            var ahead = (short)(sequence - _lastSequence[stream]);
            var first = _lastArrival[stream] == 0;
            if (measuring && !first)
            {
                Deviations.Add(Math.Abs(now - _lastArrival[stream] - Period) / 1000.0);
                Received++;
                if (ahead is > 1 and < 1000)
                {
                    Lost += ahead - 1;
                }
                else if (ahead <= 0)
                {
                    LatePackets++;
                }
            }

            if (_trackFrames)
            {
                TrackFrame(buffer.AsSpan(12, length - 12), stream, measuring, _kernelTime ? now : FrameGenerator.RealtimeNanoseconds());
            }

            _lastArrival[stream] = now;
            if (first || ahead > 0)
            {
                _lastSequence[stream] = sequence;
            }
        }
    }

    private static readonly double NanosecondsPerTick = 1e9 / Stopwatch.Frequency;

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "ioctl")]
    private static partial int Ioctl(nint fd, nuint request, long* timespec);

    /// <summary>The kernel's receive time of the last datagram, in nanoseconds (CLOCK_REALTIME).</summary>
    private long KernelArrival()
    {
        var timespec = stackalloc long[2];
        return Ioctl(_socket.Handle, SiocGStampNs, timespec) == 0 ? (timespec[0] * 1_000_000_000) + timespec[1] : 0;
    }

    private void TrackFrame(ReadOnlySpan<byte> payload, int stream, bool measuring, long arrivedAt)
    {
        if (!FrameGenerator.TryReadStamp(payload, out var frame, out var sentAt))
        {
            if (measuring)
            {
                FillFrames++;
            }

            return;
        }

        if (measuring)
        {
            Latencies.Add((arrivedAt - sentAt) / 1000.0);
        }

        if (frame <= _lastFrame[stream])
        {
            // Overtaken on the way by a later frame, which counted this one as a gap.
            if (measuring)
            {
                FramesDelivered++;
                FramesLate++;
            }

            return;
        }

        if (measuring && _lastFrame[stream] != 0)
        {
            FramesDelivered++;
            if (frame > _lastFrame[stream] + 1)
            {
                FramesLost += frame - _lastFrame[stream] - 1;
            }
        }

        _lastFrame[stream] = frame;
    }
}
