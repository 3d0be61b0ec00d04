using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Switchboard.Media.Codecs;

using Switchboard.Bench.Media;

namespace Switchboard.Bench.Streams;

/// <summary>
/// Every caller at once on one UDP socket: a sending thread speaks 20 ms µ-law frames to each session (silence, and a
/// loud pulse once a second, stamped), and a receiving thread hears what each session sends back: the gap between
/// consecutive packets of a stream against 20 ms (pacing; a talkspurt's first packet is left out), and the time from the agent's echo of a pulse to the
/// pulse's arrival here. The sessions send to this socket and latch onto it, so it is each caller's whole endpoint.
/// </summary>
internal sealed class CallerPeer : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly Stamps _stamps;
    private int[] _sessionPorts = [];
    private Dictionary<uint, int> _streamOf = [];
    private long[] _lastArrival = [];
    private bool[] _quiet = [];
    private volatile bool _stopped;
    private long _talkspurts;

    public CallerPeer(Stamps stamps)
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _socket.ReceiveBufferSize = 8 * 1024 * 1024;
        _stamps = stamps;
    }

    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    public DeviationHistogram Pacing { get; } = new();

    /// <summary>Packets that started a talkspurt (marker bit), left out of <see cref="Pacing"/>.</summary>
    public long Talkspurts => Interlocked.Read(ref _talkspurts);

    /// <summary>Starts speaking to the sessions at <paramref name="sessionPorts"/>, whose RTP is told apart by SSRC.</summary>
    public void Start(int[] sessionPorts, Dictionary<uint, int> streamOf)
    {
        _sessionPorts = sessionPorts;
        _streamOf = streamOf;
        _lastArrival = new long[sessionPorts.Length];
        _quiet = new bool[sessionPorts.Length];
        new Thread(Send) { IsBackground = true, Name = "callers" }.Start();
        new Thread(Receive) { IsBackground = true, Name = "caller-rtp" }.Start();
    }

    public void Dispose()
    {
        _stopped = true;
        _socket.Dispose();
    }

    private void Send()
    {
        var silence = new byte[12 + 160];
        var pulse = new byte[12 + 160];
        silence.AsSpan(12).Fill(G711Codec.Pcmu.SilenceByte);
        var loud = new short[160];
        for (var i = 0; i < loud.Length; i++)
        {
            loud[i] = (short)(12000 * Math.Sin(2 * Math.PI * 500 * i / 8000));
        }

        G711Codec.Pcmu.Encode(loud, pulse.AsSpan(12));
        var destinations = _sessionPorts.Select(port => new IPEndPoint(IPAddress.Loopback, port)).ToArray();
        var period = Stopwatch.Frequency / 50;
        var next = Stopwatch.GetTimestamp();
        for (long tick = 0; !_stopped; tick++)
        {
            for (var i = 0; i < destinations.Length && !_stopped; i++)
            {
                // Streams pulse in turn, spread over the second, so the agent's and the clock's work stays even.
                var isPulse = (tick + i) % 50 == 0;
                var packet = isPulse ? pulse : silence;
                packet[0] = 0x80;
                packet[1] = 0;
                BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), (ushort)tick);
                BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), (uint)(tick * 160));
                BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), (uint)(1000 + i));
                if (isPulse)
                {
                    Volatile.Write(ref _stamps.CallerSent[i], Stopwatch.GetTimestamp());
                }

                try
                {
                    _socket.SendTo(packet, destinations[i]);
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
            }

            next += period;
            var wait = next - Stopwatch.GetTimestamp();
            if (wait > 0)
            {
                Thread.Sleep(TimeSpan.FromTicks(wait * TimeSpan.TicksPerSecond / Stopwatch.Frequency));
            }
        }
    }

    private void Receive()
    {
        var buffer = new byte[2048];
        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
        var pcm = new short[160];
        while (!_stopped)
        {
            int length;
            try
            {
                length = _socket.ReceiveFrom(buffer, ref from);
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
            {
                return;
            }

            var now = Stopwatch.GetTimestamp();
            if (length < 12 + 160 || !_streamOf.TryGetValue(BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(8)), out var stream))
            {
                continue;
            }

            // A packet with the marker starts a talkspurt, which may move to another phase (RFC 3551 §4.1): its interval
            // is a new timing, not a pacing error.
            var marker = (buffer[1] & 0x80) != 0;
            if (marker)
            {
                Interlocked.Increment(ref _talkspurts);
            }

            if (_stamps.Measuring && _lastArrival[stream] != 0 && !marker)
            {
                var gap = (now - _lastArrival[stream]) * 1_000_000.0 / Stopwatch.Frequency;
                Pacing.Add(Math.Abs(gap - 20_000));
            }

            _lastArrival[stream] = now;
            G711Codec.Pcmu.Decode(buffer.AsSpan(12, 160), pcm);
            var loud = false;
            foreach (var sample in pcm)
            {
                loud |= Math.Abs((int)sample) > 4000;
            }

            if (loud && _quiet[stream] && _stamps.Measuring && Volatile.Read(ref _stamps.AgentEchoed[stream]) is var echoed and > 0)
            {
                _stamps.AgentToRtp.Add((now - echoed) * 1_000_000.0 / Stopwatch.Frequency);
            }

            _quiet[stream] = !loud;
        }
    }
}
