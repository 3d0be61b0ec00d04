using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Switchboard.Media.Codecs;

namespace Switchboard.Calls.Tests.Engine.Steps;

/// <summary>
/// The caller's side of the line for speech tests: a vowel-like sound (a 140 Hz pulse train's harmonics, periodic
/// as a voice is, so the endpointer hears speech rather than noise) and silence, sent as paced PCMU RTP.
/// </summary>
internal static class CallerVoice
{
    public static short[] Vowel(int milliseconds) =>
        [.. Enumerable.Range(0, milliseconds * 8).Select(n =>
        {
            var t = n / 8000.0;
            var sample = 0.0;
            for (var harmonic = 1; harmonic <= 20; harmonic++)
            {
                sample += Math.Sin(2 * Math.PI * 140 * harmonic * t) / harmonic;
            }

            return (short)(5000 * sample);
        })];

    public static short[] Silence(int milliseconds) => new short[milliseconds * 8];

    /// <summary>Sends <paramref name="samples"/> as 20 ms PCMU packets on absolute 20 ms deadlines.</summary>
    public static async Task SendAsync(UdpClient socket, int port, short[] samples)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var packet = new byte[12 + 160];
        for (var frame = 0; (frame + 1) * 160 <= samples.Length; frame++)
        {
            var due = TimeSpan.FromMilliseconds(20 * frame) - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }

            packet[0] = 0x80;
            packet[1] = 0;
            BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), (ushort)frame);
            BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), (uint)(frame * 160));
            BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), 0x5EEC4);
            for (var i = 0; i < 160; i++)
            {
                packet[12 + i] = MuLaw.Encode(samples[frame * 160 + i]);
            }

            await socket.SendAsync(packet, new IPEndPoint(IPAddress.Loopback, port));
        }
    }
}
