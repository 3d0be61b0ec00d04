using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Switchboard.SpeechBench;

/// <summary>
/// The far end of every paced media session: one socket on its own thread that notes, per RTP stream (SSRC), the
/// interval between consecutive packets and how far it is from the 20 ms ptime. The arrival time is the kernel's
/// (SIOCGSTAMPNS: when the packet reached the socket, which on loopback is when it was sent), so the scheduling of
/// this thread, on a machine busy recognising, does not count against the sender.
/// </summary>
sealed unsafe partial class PacingReceiver : IDisposable
{
    private const int SiocGStampNs = 0x8907;
    private const long PtimeNs = 20_000_000;
    private const int BucketNs = 10_000;

    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly Dictionary<uint, long> _last = [];
    private readonly long[] _histogram = new long[10_000]; // 10 µs buckets up to 100 ms
    private readonly Thread _thread;
    private volatile bool _stopping;

    public PacingReceiver()
    {
        _socket.ReceiveBufferSize = 4 * 1024 * 1024;
        _socket.ReceiveTimeout = 200;
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _thread = new Thread(Run) { IsBackground = true, Name = "pacing receiver" };
        _thread.Start();
    }

    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    /// <summary>Starts a new measurement: forgets the deviations seen so far (not the streams' last arrivals).</summary>
    public void Reset()
    {
        lock (_histogram)
        {
            Array.Clear(_histogram);
        }
    }

    /// <summary>The deviation from 20 ms at quantile <paramref name="q"/> of the intervals since <see cref="Reset"/>, in ms.</summary>
    public double DeviationMs(double q)
    {
        lock (_histogram)
        {
            var total = _histogram.Sum();
            var target = (long)Math.Ceiling(q * total);
            long seen = 0;
            for (var bucket = 0; bucket < _histogram.Length; bucket++)
            {
                seen += _histogram[bucket];
                if (seen >= target && total > 0)
                {
                    return (bucket + 1) * BucketNs / 1e6;
                }
            }

            return total == 0 ? double.NaN : _histogram.Length * BucketNs / 1e6;
        }
    }

    public long Intervals
    {
        get
        {
            lock (_histogram)
            {
                return _histogram.Sum();
            }
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _thread.Join();
        _socket.Dispose();
    }

    private void Run()
    {
        var buffer = new byte[1500];
        var fd = (int)_socket.Handle;
        while (!_stopping)
        {
            int received;
            try
            {
                received = _socket.Receive(buffer);
            }
            catch (SocketException)
            {
                continue;
            }

            if (received < 12 || Ioctl(fd, SiocGStampNs, out var stamp) != 0)
            {
                continue;
            }

            var ssrc = BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(8));
            var arrival = (stamp.Seconds * 1_000_000_000) + stamp.Nanoseconds;
            if (_last.TryGetValue(ssrc, out var previous))
            {
                var bucket = (int)Math.Min(_histogram.Length - 1, Math.Abs(arrival - previous - PtimeNs) / BucketNs);
                lock (_histogram)
                {
                    _histogram[bucket]++;
                }
            }

            _last[ssrc] = arrival;
        }
    }

    [LibraryImport("libc", EntryPoint = "ioctl")]
    private static partial int Ioctl(int fd, int request, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
