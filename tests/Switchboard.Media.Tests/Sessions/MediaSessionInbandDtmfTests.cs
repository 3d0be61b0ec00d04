using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Switchboard.Media.Codecs;
using Switchboard.Media.Tests.Support;

namespace Switchboard.Media.Tests.Sessions;

public sealed class MediaSessionInbandDtmfTests
{
    private static string AnswerWithoutTelephoneEvent(int port) =>
        "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
        + $"m=audio {port} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n";

    [Fact]
    public async Task PcmuToneAudio_WhenTheAnswerHasNoTelephoneEvent_IsReportedAsDigits()
    {
        var observer = new RecordingObserver();
        await using var engine = TestEngines.Create();
        await using var session = engine.CreateSession(observer);
        using var peer = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        Assert.True(session.ApplyAnswer(AnswerWithoutTelephoneEvent(((IPEndPoint)peer.Client.LocalEndPoint!).Port)).IsSuccess);

        var audio = DtmfSignal.Concat(
            DtmfSignal.Silence(40), DtmfSignal.Tone('4', 100), DtmfSignal.Silence(80), DtmfSignal.Tone('#', 80), DtmfSignal.Silence(100));
        await SendAsPcmuAsync(peer, new IPEndPoint(IPAddress.Loopback, session.LocalPort), audio);

        Assert.Equal('4', (await observer.NextDigitAsync()).Key);
        Assert.Equal('#', (await observer.NextDigitAsync()).Key);
        Assert.False(observer.TryTakeDigit(out _));
    }

    [Fact]
    public async Task PcmuToneAudio_WhenTheAnswerHasTelephoneEvent_IsNotSearchedForTones()
    {
        var observer = new RecordingObserver();
        await using var engine = TestEngines.Create();
        await using var session = engine.CreateSession(observer);
        using var peer = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        Assert.True(session.ApplyAnswer(TestEngines.AnswerTo(((IPEndPoint)peer.Client.LocalEndPoint!).Port)).IsSuccess);

        var audio = DtmfSignal.Concat(DtmfSignal.Tone('4', 100), DtmfSignal.Silence(100));
        await SendAsPcmuAsync(peer, new IPEndPoint(IPAddress.Loopback, session.LocalPort), audio);

        // The RFC 4733 capture after the tone proves the packets were processed before we look.
        foreach (var packet in PcapReader.ReadUdpPayloads(PcapReader.DtmfCapture("1")))
        {
            await peer.SendAsync(packet, new IPEndPoint(IPAddress.Loopback, session.LocalPort));
        }

        Assert.Equal('1', (await observer.NextDigitAsync()).Key);
        Assert.False(observer.TryTakeDigit(out _));
    }

    private static async Task SendAsPcmuAsync(UdpClient peer, IPEndPoint target, short[] audio)
    {
        const int Frame = 160;
        ushort sequence = 1000;
        uint timestamp = 5000;
        for (var offset = 0; offset + Frame <= audio.Length; offset += Frame)
        {
            var packet = new byte[12 + Frame];
            packet[0] = 0x80;
            packet[1] = 0;
            BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), sequence++);
            BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), timestamp);
            BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), 0x1234ABCD);
            timestamp += Frame;
            MuLaw.Encode(audio.AsSpan(offset, Frame), packet.AsSpan(12));
            await peer.SendAsync(packet, target);
        }
    }
}
