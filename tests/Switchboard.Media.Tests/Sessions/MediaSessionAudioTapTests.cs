using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Media.Audio;
using Switchboard.Media.Codecs;
using Switchboard.Media.Sdp;
using Switchboard.Media.Sessions;
using Switchboard.Media.Tests.Support;

namespace Switchboard.Media.Tests.Sessions;

public sealed class MediaSessionAudioTapTests
{
    [Fact]
    public async Task AReceivedTap_GetsThePeersAudioDecoded()
    {
        await using var engine = TestEngines.Create();
        await using var session = engine.CreateSession(new RecordingObserver());
        using var peer = new RtpPeer();
        Assert.True(session.ApplyAnswer(TestEngines.AnswerTo(peer.Port, 8, "PCMA")).IsSuccess);
        var tap = new CollectingTap();
        session.AddAudioTap(tap);

        var frames = Enumerable.Range(0, 3).Select(f => Enumerable.Range(0, 160).Select(i => (byte)(f * 50 + i)).ToArray()).ToArray();
        foreach (var frame in frames)
        {
            await peer.SendAsync(session.LocalPort, 8, frame);
        }

        await MediaSessionSymmetricRtpTests.WaitUntilAsync(() => tap.Received.Count == 3);
        var expected = frames.Select(f => f.Select(ALaw.Decode).ToArray()).ToArray();
        Assert.Equal(expected, tap.Received.ToArray());
        Assert.Empty(tap.Sent);
    }

    [Fact]
    public async Task ASentTap_GetsEveryFrameWeSend_IncludingTheClip()
    {
        await using var engine = TestEngines.Create();
        await using var session = engine.CreateSession(new RecordingObserver());
        using var peer = new RtpPeer();
        Assert.True(session.ApplyAnswer(TestEngines.AnswerTo(peer.Port)).IsSuccess);
        var tap = new CollectingTap();
        session.AddAudioTap(tap, AudioDirection.Sent);

        var clip = Enumerable.Range(0, 480).Select(i => (short)((i * 97) - 20000)).ToArray();
        await session.PlayAsync(new AudioClip(clip), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        var sent = tap.Sent.ToArray();
        Assert.All(sent, frame => Assert.Equal(160, frame.Length));
        var stream = sent.SelectMany(f => f).ToArray();
        var start = stream.AsSpan().IndexOf(clip.AsSpan(0, 160));
        Assert.True(start >= 0, "the clip was not handed to the tap");
        Assert.Equal(clip, stream.AsSpan(start, clip.Length).ToArray());
        Assert.Empty(tap.Received);
    }

    [Fact]
    public async Task ARemovedTap_GetsNothingMore()
    {
        await using var engine = TestEngines.Create();
        await using var session = engine.CreateSession(new RecordingObserver());
        using var peer = new RtpPeer();
        Assert.True(session.ApplyAnswer(TestEngines.AnswerTo(peer.Port)).IsSuccess);
        var tap = new CollectingTap();
        session.AddAudioTap(tap, AudioDirection.Both);
        await MediaSessionSymmetricRtpTests.WaitUntilAsync(() => tap.Sent.Count >= 2);

        session.RemoveAudioTap(tap);
        await Task.Delay(40);
        var count = tap.Sent.Count;
        await peer.SendAsync(session.LocalPort, 0, new byte[160]);
        await Task.Delay(100);

        Assert.Equal(count, tap.Sent.Count);
        Assert.Empty(tap.Received);
        Assert.Throws<ArgumentOutOfRangeException>(() => session.AddAudioTap(tap, 0));
    }

    [Fact]
    public void TheReceivePath_WithATapAndToneDetection_AllocatesNothingPerPacket()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var receiver = new RtpReceiver(socket, 1, 101, new RecordingObserver(), _ => { }, NullLogger.Instance, TimeProvider.System);
        receiver.SetMedia(new NegotiatedMedia(G711Codec.Pcmu, 0, new IPEndPoint(IPAddress.Loopback, 5000), null, MediaDirection.SendReceive));
        var tap = new SummingTap();
        receiver.Taps.Add(tap);
        var source = new IPEndPoint(IPAddress.Loopback, 5000).Serialize();
        var packets = Enumerable.Range(0, 100).Select(i => RtpPeer.Packet(0, (ushort)i, (uint)(i * 160), 7, new byte[160])).ToArray();
        receiver.Handle(packets[0], source);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 1; i < packets.Length; i++)
        {
            receiver.Handle(packets[i], source);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(100 * 160, tap.Samples);
    }

    [Fact]
    public void TheSendPath_PlayingWithATap_AllocatesNothingPerTick()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var sink = new RtpPeer();
        var sender = new RtpSender(socket, 1, NullLogger.Instance);
        sender.SetDestination(new NegotiatedMedia(G711Codec.Pcma, 8, sink.EndPoint, 101, MediaDirection.SendReceive));
        var tap = new SummingTap();
        sender.Taps.Add(tap);
        _ = sender.Enqueue(new AudioClip(new short[160 * 200]), CancellationToken.None);
        sender.OnTick(0);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var tick = 1; tick < 100; tick++)
        {
            sender.OnTick(tick);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(100 * 160, tap.Samples);
        Assert.Equal(100, sender.SentPackets);
    }

    private sealed class SummingTap : IAudioTap
    {
        public long Samples { get; private set; }

        public void OnAudio(AudioDirection direction, ReadOnlySpan<short> samples) => Samples += samples.Length;
    }
}
