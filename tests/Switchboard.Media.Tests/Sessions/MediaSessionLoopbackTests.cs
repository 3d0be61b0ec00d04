using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Switchboard.Media.Audio;
using Switchboard.Media.Codecs;
using Switchboard.Media.Rtp;
using Switchboard.Media.Tests.Support;

namespace Switchboard.Media.Tests.Sessions;

public sealed class MediaSessionLoopbackTests
{
    [Fact]
    public async Task PlayAsync_SendsTheClipAsPcmuWithConsecutiveSequenceAndTimestamps()
    {
        await using var engine = TestEngines.Create();
        await using var session = engine.CreateSession(new RecordingObserver());
        using var peer = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var result = session.ApplyAnswer(TestEngines.AnswerTo(((IPEndPoint)peer.Client.LocalEndPoint!).Port));
        Assert.True(result.IsSuccess, result.ToString());

        var samples = new short[800 + 40];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)(((i * 37) % 20000) - 10000);
        }

        var play = session.PlayAsync(new AudioClip(samples), CancellationToken.None);
        var packets = new List<byte[]>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!play.IsCompleted || packets.Count < 20)
        {
            packets.Add((await peer.ReceiveAsync(timeout.Token)).Buffer);
        }

        await play;
        var headers = packets.Select(p =>
        {
            Assert.Equal(RtpParseStatus.Success, RtpHeader.TryParse(p, out var h));
            return h;
        }).ToList();
        Assert.All(headers, h => Assert.Equal(0, h.PayloadType));
        Assert.All(headers, h => Assert.Equal(160, h.PayloadLength));
        Assert.All(headers, h => Assert.Equal(session.Ssrc, h.Ssrc));
        Assert.True(headers[0].Marker);
        for (var i = 1; i < headers.Count; i++)
        {
            Assert.Equal((ushort)(headers[i - 1].SequenceNumber + 1), headers[i].SequenceNumber);
            // One frame per packet; after a stall the clock skips ticks and the timestamp shows the gap (RFC 3550 §5.1).
            var step = headers[i].Timestamp - headers[i - 1].Timestamp;
            Assert.True(step > 0 && step % 160 == 0, $"timestamp step {step} is not a whole number of frames");
        }

        var expected = new byte[((samples.Length / 160) + 1) * 160];
        Array.Fill(expected, MuLaw.Silence);
        MuLaw.Encode(samples, expected);
        var stream = packets.SelectMany(p => p.Skip(12)).ToArray();
        var start = stream.AsSpan().IndexOf(expected.AsSpan(0, 160));
        Assert.True(start >= 0, "the clip's first frame was not sent");
        Assert.Equal(expected, stream.AsSpan(start, expected.Length).ToArray());
        Assert.True(headers[start / 160].Marker, "the first frame of the clip starts a talkspurt");
    }

    [Fact]
    public async Task Stream_SendsAboutFiftyPacketsPerSecond()
    {
        await using var engine = TestEngines.Create();
        await using var session = engine.CreateSession(new RecordingObserver());
        using var peer = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        session.ApplyAnswer(TestEngines.AnswerTo(((IPEndPoint)peer.Client.LocalEndPoint!).Port, 8, "PCMA"));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var first = await peer.ReceiveAsync(timeout.Token);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 50; i++)
        {
            var packet = await peer.ReceiveAsync(timeout.Token);
            Assert.Equal(ALaw.Silence, packet.Buffer[12]);
        }

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.7), TimeSpan.FromSeconds(3));
        Assert.Equal(8, first.Buffer[1] & 0x7F);
    }

    [Fact]
    public async Task Rfc4733PacketsFromTheCapture_ReportEachDigitOnce()
    {
        var observer = new RecordingObserver();
        await using var engine = TestEngines.Create();
        await using var session = engine.CreateSession(observer);
        using var peer = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var target = new IPEndPoint(IPAddress.Loopback, session.LocalPort);

        await peer.SendAsync(new byte[] { 0x12, 0x34 }, target);
        foreach (var packet in PcapReader.ReadUdpPayloads(PcapReader.DtmfCapture("1")))
        {
            await peer.SendAsync(packet, target);
        }

        // A second capture follows; if the first digit were reported twice, '1' would come again before '#'.
        foreach (var packet in PcapReader.ReadUdpPayloads(PcapReader.DtmfCapture("pound")))
        {
            await peer.SendAsync(packet, target);
        }

        Assert.Equal('1', (await observer.NextDigitAsync()).Key);
        Assert.Equal('#', (await observer.NextDigitAsync()).Key);
        Assert.False(observer.TryTakeDigit(out _));
        Assert.Equal(1, session.MalformedPackets);
    }
}
