using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Switchboard.Media.Audio;
using Switchboard.Media.Bridging;
using Switchboard.Media.Dtmf;

namespace Switchboard.Media.Sessions;

/// <summary>
/// Runs the paths every call takes once before the first call: a clip and a key sent, audio and a key received, a
/// bridge forwarding. The runtime compiles a method the first time it runs, on the thread that runs it; left to the
/// first call, that is the media clock's thread during the call's first ticks and the receive thread on its first
/// packets, so both would run late for that call alone. Two sessions answer the same peer, a loopback socket that
/// only receives and sends.
/// </summary>
internal static class MediaEngineWarmUp
{
    private const int TelephoneEventPayloadType = 101;

    public static async Task RunAsync(MediaEngine engine, IPAddress bindAddress, CancellationToken cancellationToken)
    {
        var address = bindAddress.Equals(IPAddress.Any) ? IPAddress.Loopback
            : bindAddress.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback
            : bindAddress;
        using var peer = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        peer.Bind(new IPEndPoint(address, 0));
        var peerPort = ((IPEndPoint)peer.LocalEndPoint!).Port;
        await using var first = engine.CreateSession(new Unobserved());
        await using var second = engine.CreateSession(new Unobserved());
        foreach (var session in (MediaSession[])[first, second])
        {
            session.CreateOffer();
            session.ApplyAnswer(Answer(address, peerPort));
        }

        var tone = new short[RtpSender.SamplesPerFrame];
        for (var n = 0; n < tone.Length; n++)
        {
            tone[n] = (short)(4000 * Math.Sin(2 * Math.PI * 440 * n / 8000));
        }

        // The key goes out first, then the clip: together about 150 ms of the clock's ticks. Meanwhile the peer's
        // packets go through the receive path.
        var playing = first.PlayAsync(new AudioClip(tone), cancellationToken);
        var keying = first.SendDigitsAsync("1", new DigitSendOptions(TimeSpan.FromMilliseconds(40), TimeSpan.FromMilliseconds(40)), cancellationToken);
        var to = new IPEndPoint(address, first.LocalPort);
        await SendAsync(peer, to, cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(playing, keying).ConfigureAwait(false);

        // Bridged, the first session's peer is forwarded to the second's.
        using (MediaBridge.Connect(first, second))
        {
            await SendAsync(peer, to, cancellationToken).ConfigureAwait(false);
            await Task.Delay(40, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Five frames of audio, then a key as RFC 4733 events (start and end), back to back.</summary>
    private static async Task SendAsync(Socket peer, IPEndPoint to, CancellationToken cancellationToken)
    {
        var packet = new byte[12 + RtpSender.SamplesPerFrame];
        for (var i = 0; i < 7; i++)
        {
            var isEvent = i >= 5;
            packet[0] = 0x80;
            packet[1] = (byte)(isEvent ? TelephoneEventPayloadType : 0);
            BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), (ushort)i);
            BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), (uint)(Math.Min(i, 5) * RtpSender.SamplesPerFrame));
            BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), 0x5eed);
            var length = 12 + RtpSender.SamplesPerFrame;
            if (isEvent)
            {
                packet[12] = 1;
                packet[13] = (byte)((i == 6 ? 0x80 : 0) | 10);
                BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(14), 320);
                length = 16;
            }
            else
            {
                packet.AsSpan(12).Fill(0xFF);
            }

            await peer.SendToAsync(packet.AsMemory(0, length), to, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Answer(IPAddress address, int port)
    {
        var family = address.AddressFamily == AddressFamily.InterNetworkV6 ? "IP6" : "IP4";
        return $"v=0\r\no=- 1 1 IN {family} {address}\r\ns=-\r\nc=IN {family} {address}\r\nt=0 0\r\n"
            + $"m=audio {port} RTP/AVP 0 {TelephoneEventPayloadType}\r\na=rtpmap:0 PCMU/8000\r\n"
            + $"a=rtpmap:{TelephoneEventPayloadType} telephone-event/8000\r\na=sendrecv\r\n";
    }

    private sealed class Unobserved : IMediaSessionObserver
    {
        public void OnDigit(DtmfDigit digit)
        {
        }
    }
}
