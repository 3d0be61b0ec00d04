using System.Buffers.Binary;
using System.Diagnostics;

namespace Switchboard.FunctionalTests.Peers;

/// <summary>
/// Judges recorded RTP independently of the product's code: its own µ-law decoder (ITU-T G.711) and its own
/// header reading (RFC 3550 §5.1), so a shared bug cannot make the test agree with the server.
/// </summary>
internal static class RtpAnalysis
{
    public sealed record Summary(int Packets, double MedianIntervalMs, double P99IntervalMs, int SpeechPackets, double ShareOfSteps160, bool SequenceContiguous);

    public static Summary Analyse(IReadOnlyList<(long Ticks, byte[] Packet)> packets, int payloadType)
    {
        var audio = packets.Where(p => p.Packet.Length >= 12 && (p.Packet[1] & 0x7F) == payloadType).ToList();
        var intervals = audio.Zip(audio.Skip(1), (a, b) => (b.Ticks - a.Ticks) * 1000.0 / Stopwatch.Frequency).Order().ToArray();
        var steps160 = 0;
        var contiguous = true;
        for (var i = 1; i < audio.Count; i++)
        {
            var seqDelta = (ushort)(BinaryPrimitives.ReadUInt16BigEndian(audio[i].Packet.AsSpan(2)) - BinaryPrimitives.ReadUInt16BigEndian(audio[i - 1].Packet.AsSpan(2)));
            var tsDelta = BinaryPrimitives.ReadUInt32BigEndian(audio[i].Packet.AsSpan(4)) - BinaryPrimitives.ReadUInt32BigEndian(audio[i - 1].Packet.AsSpan(4));
            contiguous &= seqDelta == 1;
            steps160 += tsDelta == 160 && seqDelta == 1 ? 1 : 0;
        }

        var speech = audio.Count(p => Rms(p.Packet.AsSpan(12), payloadType) > 300);
        return new Summary(
            audio.Count,
            intervals.Length == 0 ? double.NaN : intervals[intervals.Length / 2],
            intervals.Length == 0 ? double.NaN : intervals[(int)(intervals.Length * 0.99)],
            speech,
            audio.Count < 2 ? 0 : (double)steps160 / (audio.Count - 1),
            contiguous);
    }

    /// <summary>The RFC 4733 event codes (first payload byte) sent on <paramref name="payloadType"/>, each once, in order.</summary>
    public static byte[] TelephoneEvents(IReadOnlyList<(long Ticks, byte[] Packet)> packets, int payloadType) =>
        packets.Where(p => p.Packet.Length >= 16 && (p.Packet[1] & 0x7F) == payloadType).Select(p => p.Packet[12]).Distinct().ToArray();

    /// <summary>
    /// The pitch of a steady tone in the stream: zero crossings of the decoded samples of the packets that carry
    /// sound, two per period.
    /// </summary>
    public static double ToneFrequency(IReadOnlyList<(long Ticks, byte[] Packet)> packets, int payloadType)
    {
        var samples = packets
            .Where(p => p.Packet.Length > 12 && (p.Packet[1] & 0x7F) == payloadType && Rms(p.Packet.AsSpan(12), payloadType) > 1000)
            .SelectMany(p => p.Packet.Skip(12).Select(code => Decode(code, payloadType)))
            .ToArray();
        var crossings = 0;
        for (var i = 1; i < samples.Length; i++)
        {
            crossings += (samples[i - 1] < 0) != (samples[i] < 0) ? 1 : 0;
        }

        return samples.Length == 0 ? 0 : crossings / 2.0 / (samples.Length / 8000.0);
    }

    /// <summary>
    /// The pitch of each packet that carries sound, in arrival order (zero crossings over its 20 ms): to tell apart
    /// tones that follow one another in one stream, such as a bridged party's and a prompt's.
    /// </summary>
    public static double[] PacketFrequencies(IReadOnlyList<(long Ticks, byte[] Packet)> packets, int payloadType) =>
        packets
            .Where(p => p.Packet.Length > 12 && (p.Packet[1] & 0x7F) == payloadType && Rms(p.Packet.AsSpan(12), payloadType) > 1000)
            .Select(p =>
            {
                var crossings = 0;
                for (var i = 13; i < p.Packet.Length; i++)
                {
                    crossings += (Decode(p.Packet[i - 1], payloadType) < 0) != (Decode(p.Packet[i], payloadType) < 0) ? 1 : 0;
                }

                return crossings / 2.0 / ((p.Packet.Length - 12) / 8000.0);
            })
            .ToArray();

    private static int Decode(byte code, int payloadType) => payloadType == 8 ? DecodeALaw(code) : DecodeMuLaw(code);

    /// <summary>The loudness of one payload: A-law for payload type 8 (PCMA), µ-law otherwise.</summary>
    private static double Rms(ReadOnlySpan<byte> payload, int payloadType)
    {
        double sum = 0;
        foreach (var code in payload)
        {
            var sample = payloadType == 8 ? DecodeALaw(code) : DecodeMuLaw(code);
            sum += (double)sample * sample;
        }

        return payload.Length == 0 ? 0 : Math.Sqrt(sum / payload.Length);
    }

    // ITU-T G.711 A-law expansion: undo the even-bit inversion, then sign, segment and mantissa.
    private static int DecodeALaw(byte code)
    {
        var value = code ^ 0x55;
        var segment = (value >> 4) & 0x07;
        var magnitude = ((value & 0x0F) << 4) + 8;
        if (segment > 0)
        {
            magnitude = (magnitude + 0x100) << (segment - 1);
        }

        return (value & 0x80) != 0 ? magnitude : -magnitude;
    }

    // ITU-T G.711 µ-law expansion: invert, split sign/exponent/mantissa, remove the 0x84 bias.
    private static int DecodeMuLaw(byte code)
    {
        var inverted = ~code & 0xFF;
        var magnitude = (((inverted & 0x0F) << 3) + 0x84) << ((inverted >> 4) & 0x07);
        return (inverted & 0x80) != 0 ? 0x84 - magnitude : magnitude - 0x84;
    }
}
