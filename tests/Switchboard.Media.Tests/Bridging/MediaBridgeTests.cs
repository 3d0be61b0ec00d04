using System.Diagnostics;
using System.Net;
using Switchboard.Media.Audio;
using Switchboard.Media.Bridging;
using Switchboard.Media.Codecs;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Recording;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sessions;
using Switchboard.Media.Tests.Support;

namespace Switchboard.Media.Tests.Bridging;

/// <summary>Two legs bridged on one engine, each with a plain socket peer.</summary>
public sealed class MediaBridgeTests
{
    [Fact]
    public async Task SameCodec_RelaysEachPeersPayloadToTheOther_InOurOwnStream()
    {
        await using var legs = await Legs.CreateAsync("PCMU", "PCMU");
        using var bridge = MediaBridge.Connect(legs.A, legs.B);
        Assert.True(bridge.IsRelaying);

        var fromA = Frames(10, first: 1);
        var fromB = Frames(10, first: 100);
        var sendA = legs.PeerA.SendPacedAsync(legs.A.LocalPort, 0, [.. fromA.SelectMany(f => f)]);
        var sendB = legs.PeerB.SendPacedAsync(legs.B.LocalPort, 0, [.. fromB.SelectMany(f => f)]);
        // A test sender paced by Task.Delay can fall behind on a loaded machine; the bridge then fills the gap with
        // silence in its own stream. That is pacing, not relaying: the peers' frames must all come, in order.
        var atB = await ReceiveFramesAsync(legs.PeerB, fromA[0][0], 10, countFill: false);
        var atA = await ReceiveFramesAsync(legs.PeerA, fromB[0][0], 10, countFill: false);
        await Task.WhenAll(sendA, sendB);

        Assert.Equal(fromA, atB.Select(p => p.Packet[12..]).Where(payload => !IsFill(payload)).ToArray());
        Assert.Equal(fromB, atA.Select(p => p.Packet[12..]).Where(payload => !IsFill(payload)).ToArray());
        AssertOneStream(atB, legs.B.Ssrc);
        AssertOneStream(atA, legs.A.Ssrc);
        Assert.True(bridge.RelayedFrames >= 20);
        Assert.Equal(0, bridge.TranscodedFrames);
    }

    [Fact]
    public async Task AMutedPeer_IsNotHeardAcrossTheBridge_UntilUnmuted()
    {
        await using var legs = await Legs.CreateAsync("PCMU", "PCMU");
        using var bridge = MediaBridge.Connect(legs.A, legs.B);
        legs.A.MutePeer = true;

        var muted = Frames(10, first: 1);
        await legs.PeerA.SendPacedAsync(legs.A.LocalPort, 0, [.. muted.SelectMany(f => f)]);
        var heardWhileMuted = await ReceiveForAsync(legs.PeerB, TimeSpan.FromMilliseconds(300));
        Assert.DoesNotContain(heardWhileMuted, p => p.Length > 12 && muted.Any(f => f[0] == p[12]));

        legs.A.MutePeer = false;
        var unmuted = Frames(5, first: 100);
        var send = legs.PeerA.SendPacedAsync(legs.A.LocalPort, 0, [.. unmuted.SelectMany(f => f)]);
        var heard = await ReceiveFramesAsync(legs.PeerB, unmuted[0][0], 5);
        await send;
        Assert.Equal(unmuted, heard.Select(p => p.Packet[12..]).ToArray());
    }

    [Fact]
    public async Task DifferentCodecs_AreTranscodedBothWays()
    {
        await using var legs = await Legs.CreateAsync("PCMU", "PCMA");
        using var bridge = MediaBridge.Connect(legs.A, legs.B);
        Assert.False(bridge.IsRelaying);

        var fromA = Frames(5, first: 1);
        var fromB = Frames(5, first: 60);
        var sendA = legs.PeerA.SendPacedAsync(legs.A.LocalPort, 0, [.. fromA.SelectMany(f => f)]);
        var sendB = legs.PeerB.SendPacedAsync(legs.B.LocalPort, 8, [.. fromB.SelectMany(f => f)]);
        var expectedAtB = fromA.Select(f => f.Select(b => ALaw.Encode(MuLaw.Decode(b))).ToArray()).ToArray();
        var expectedAtA = fromB.Select(f => f.Select(b => MuLaw.Encode(ALaw.Decode(b))).ToArray()).ToArray();
        var atB = await ReceiveFramesAsync(legs.PeerB, expectedAtB[0][0], 5);
        var atA = await ReceiveFramesAsync(legs.PeerA, expectedAtA[0][0], 5);
        await Task.WhenAll(sendA, sendB);

        Assert.All(atB, p => Assert.Equal(8, p.Header.PayloadType));
        Assert.All(atA, p => Assert.Equal(0, p.Header.PayloadType));
        Assert.Equal(expectedAtB, atB.Select(p => p.Packet[12..]).ToArray());
        Assert.Equal(expectedAtA, atA.Select(p => p.Packet[12..]).ToArray());
        Assert.True(bridge.TranscodedFrames >= 10);
    }

    [Fact]
    public async Task ABurstInTheSameCodec_IsForwardedAtOnce_InOurStream()
    {
        await using var legs = await Legs.CreateAsync("PCMU", "PCMU");
        using var bridge = MediaBridge.Connect(legs.A, legs.B);

        var burst = Frames(6, first: 1);
        foreach (var frame in burst)
        {
            await legs.PeerA.SendAsync(legs.A.LocalPort, 0, frame);
        }

        var atB = await ReceiveFramesAsync(legs.PeerB, burst[0][0], 6);
        Assert.Equal(burst, atB.Select(p => p.Packet[12..]).ToArray());

        // Paced, six frames would take 100 ms; forwarded they leave as they came.
        var spread = atB[^1].At - atB[0].At;
        Assert.True(spread < TimeSpan.FromMilliseconds(60), $"six forwarded frames took {spread.TotalMilliseconds} ms");
        AssertOneStream(atB, legs.B.Ssrc);
        Assert.True(atB[0].Header.Marker, "the first forwarded packet starts a new timing");
        Assert.True(bridge.ForwardedFrames >= 6);
    }

    [Fact]
    public async Task ABurstThroughATranscodingBridge_GoesOutPacedByTheClock()
    {
        await using var legs = await Legs.CreateAsync("PCMU", "PCMA");
        using var bridge = MediaBridge.Connect(legs.A, legs.B);

        var burst = Frames(6, first: 1);
        foreach (var frame in burst)
        {
            await legs.PeerA.SendAsync(legs.A.LocalPort, 0, frame);
        }

        var expected = burst.Select(f => f.Select(b => ALaw.Encode(MuLaw.Decode(b))).ToArray()).ToArray();
        var atB = await ReceiveFramesAsync(legs.PeerB, expected[0][0], 6);
        Assert.Equal(expected, atB.Select(p => p.Packet[12..]).ToArray());
        var spread = atB[^1].At - atB[0].At;
        Assert.True(spread >= TimeSpan.FromMilliseconds(80), $"six bridged frames left within {spread.TotalMilliseconds} ms");
        AssertOneStream(atB, legs.B.Ssrc);
        Assert.Equal(0, bridge.ForwardedFrames);
    }

    [Fact]
    public async Task ThirtyMillisecondPackets_AreCutToTheTwentyMillisecondFramesWeSend()
    {
        await using var legs = await Legs.CreateAsync("PCMU", "PCMU");
        using var bridge = MediaBridge.Connect(legs.A, legs.B);

        var packets = Enumerable.Range(1, 4).Select(n => Enumerable.Repeat((byte)n, 240).ToArray()).ToArray();
        foreach (var packet in packets)
        {
            await legs.PeerA.SendAsync(legs.A.LocalPort, 0, packet);
            await Task.Delay(30);
        }

        var atB = await ReceiveFramesAsync(legs.PeerB, 1, 6, countFill: false);
        Assert.All(atB, p => Assert.Equal(12 + 160, p.Packet.Length));
        Assert.Equal(packets.SelectMany(p => p), atB.Select(p => p.Packet[12..]).Where(payload => !IsFill(payload)).SelectMany(p => p));
        Assert.Equal(0, bridge.ForwardedFrames);
    }

    [Fact]
    public async Task WhenTheForwardedPacketsStop_TheClockGoesOn_WithTheStreamsTimestampsAndSequence()
    {
        await using var legs = await Legs.CreateAsync("PCMU", "PCMU");
        using var bridge = MediaBridge.Connect(legs.A, legs.B);

        var talk = Frames(5, first: 1);
        await legs.PeerA.SendPacedAsync(legs.A.LocalPort, 0, [.. talk.SelectMany(f => f)]);

        // The five forwarded frames, then the clock's silence once the hold has passed: one stream throughout.
        var atB = await ReceiveFramesAsync(legs.PeerB, talk[0][0], 12);
        Assert.Equal(talk, atB.Take(5).Select(p => p.Packet[12..]).ToArray());
        Assert.All(atB.Skip(5), p => Assert.True(IsFill(p.Packet[12..])));
        AssertOneStream(atB, legs.B.Ssrc);
        var afterLast = atB[5].Header.Timestamp - atB[4].Header.Timestamp;
        Assert.True(afterLast == 160, $"the clock's first frame is {afterLast} samples after the last forwarded one");
    }

    [Fact]
    public async Task AKeyQueuedOnAForwardingLeg_IsSent_ThenForwardingResumes_InOneStream()
    {
        await using var legs = await Legs.CreateAsync("PCMU", "PCMU");
        using var bridge = MediaBridge.Connect(legs.A, legs.B);

        var frames = Frames(40, first: 1);
        var listening = ReceiveForAsync(legs.PeerB, TimeSpan.FromMilliseconds(1500));
        var talking = legs.PeerA.SendPacedAsync(legs.A.LocalPort, 0, [.. frames.SelectMany(f => f)]);
        await Task.Delay(200);
        var forwardedBeforeKey = bridge.ForwardedFrames;
        await legs.B.SendDigitsAsync("5", new DigitSendOptions(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(40)), CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(10));
        var forwardedAfterKey = bridge.ForwardedFrames;
        await talking;
        var packets = await listening;

        Assert.True(forwardedBeforeKey >= 3, $"{forwardedBeforeKey} frames forwarded before the key");
        Assert.True(bridge.ForwardedFrames >= forwardedAfterKey + 5, $"{bridge.ForwardedFrames - forwardedAfterKey} frames forwarded after the key");
        Assert.Contains(packets, p => (p[1] & 0x7F) == 101);
        var sequences = packets.Select(p => (ushort)((p[2] << 8) | p[3])).ToList();
        for (var i = 1; i < sequences.Count; i++)
        {
            Assert.Equal((ushort)(sequences[i - 1] + 1), sequences[i]);
        }
    }

    [Fact]
    public async Task Bridging_StopsPlayback_AndDisconnectingReturnsEachLegToItsPlayer()
    {
        await using var legs = await Legs.CreateAsync("PCMU", "PCMU");
        var playing = legs.A.PlayAsync(new AudioClip(new short[80000]), CancellationToken.None);
        var bridge = MediaBridge.Connect(legs.A, legs.B);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => playing);
        Assert.Same(bridge, legs.A.Bridge);
        Assert.Throws<InvalidOperationException>(() => MediaBridge.Connect(legs.B, legs.A));

        var clip = Enumerable.Repeat((short)7000, 320).ToArray();
        var queued = legs.B.PlayAsync(new AudioClip(clip), CancellationToken.None);
        await Task.Delay(100);
        Assert.False(queued.IsCompleted, "a clip queued while bridged waits for the bridge to end");

        bridge.Disconnect();
        await queued.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Null(legs.A.Bridge);
        Assert.Null(legs.B.Bridge);
        await legs.PeerB.ReceiveUntilAsync((h, p) => p[12] == MuLaw.Encode(7000));

        // Unbridged, A's peer no longer reaches B's.
        await legs.PeerA.SendAsync(legs.A.LocalPort, 0, Frames(1, first: 9)[0]);
        await Task.Delay(150);
        var later = await ReceiveForAsync(legs.PeerB, TimeSpan.FromMilliseconds(200));
        Assert.DoesNotContain(later, p => p[12] == 9);
    }

    [Fact]
    public async Task ClosingOneLeg_UnbridgesTheOther()
    {
        await using var legs = await Legs.CreateAsync("PCMU", "PCMU");
        var bridge = MediaBridge.Connect(legs.A, legs.B);

        await legs.A.DisposeAsync();

        Assert.False(bridge.IsConnected);
        Assert.Null(legs.B.Bridge);
        await legs.B.PlayAsync(new AudioClip(new short[320]), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task KeysSentAsEvents_ArePassedToTheOtherLeg()
    {
        await using var legs = await Legs.CreateAsync("PCMU", "PCMA");
        using var bridge = MediaBridge.Connect(legs.A, legs.B);

        foreach (var packet in PcapReader.ReadUdpPayloads(PcapReader.DtmfCapture("1")))
        {
            await legs.PeerA.Socket.SendAsync(packet, new IPEndPoint(IPAddress.Loopback, legs.A.LocalPort));
        }

        var (header, packet2) = await legs.PeerB.ReceiveUntilAsync((h, _) => h.PayloadType == 101);
        Assert.True(TelephoneEvent.TryParse(packet2.AsSpan(12), out var telephoneEvent));
        Assert.Equal(1, telephoneEvent.Event);
        Assert.True(header.Marker);
        Assert.Equal(legs.B.Ssrc, header.Ssrc);
    }

    [Fact]
    public async Task ABridgedCall_RecordsAsStereo_OneLegPerChannel()
    {
        var path = Path.Combine(Path.GetTempPath(), "sb-bridge-" + Guid.NewGuid().ToString("N") + ".wav");
        try
        {
            await using var legs = await Legs.CreateAsync("PCMU", "PCMA");
            using var bridge = MediaBridge.Connect(legs.A, legs.B);
            var recorder = bridge.StartRecording(new RecordingOptions(path));

            var sendA = legs.PeerA.SendPacedAsync(legs.A.LocalPort, 0, Enumerable.Repeat(MuLaw.Encode(3000), 10 * 160).ToArray());
            var sendB = legs.PeerB.SendPacedAsync(legs.B.LocalPort, 8, Enumerable.Repeat(ALaw.Encode(-9000), 10 * 160).ToArray());
            await Task.WhenAll(sendA, sendB);
            await Task.Delay(150);
            var result = await recorder.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));

            var file = WavFile.Read(result.Path);
            Assert.Equal(2, file.Channels);
            Assert.Equal(10 * 160, file.WithoutSilentFrames(0).Length);
            Assert.All(file.WithoutSilentFrames(0), s => Assert.Equal(MuLaw.Decode(MuLaw.Encode(3000)), s));
            Assert.Equal(10 * 160, file.WithoutSilentFrames(1).Length);
            Assert.All(file.WithoutSilentFrames(1), s => Assert.Equal(ALaw.Decode(ALaw.Encode(-9000)), s));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary><paramref name="count"/> frames, frame n filled with the byte <c>first + n</c> (never a silence byte).</summary>
    private static byte[][] Frames(int count, int first) =>
        [.. Enumerable.Range(first, count).Select(n => Enumerable.Repeat((byte)n, 160).ToArray())];

    private static void AssertOneStream(List<(RtpHeader Header, byte[] Packet, TimeSpan At)> packets, uint ssrc)
    {
        Assert.All(packets, p => Assert.Equal(ssrc, p.Header.Ssrc));
        for (var i = 1; i < packets.Count; i++)
        {
            Assert.Equal((ushort)(packets[i - 1].Header.SequenceNumber + 1), packets[i].Header.SequenceNumber);
            var step = packets[i].Header.Timestamp - packets[i - 1].Header.Timestamp;
            Assert.True(step > 0 && step % 160 == 0, $"timestamp step {step}");
        }
    }

    /// <summary>Skips silence until a packet starting with <paramref name="firstByte"/>, then takes <paramref name="count"/> consecutive packets.</summary>
    /// <param name="countFill">False: packets of PCMU silence the bridge sent in a gap are kept but not counted.</param>
    private static async Task<List<(RtpHeader Header, byte[] Packet, TimeSpan At)>> ReceiveFramesAsync(RtpPeer peer, byte firstByte, int count, bool countFill = true)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var clock = Stopwatch.StartNew();
        var packets = new List<(RtpHeader, byte[], TimeSpan)>();
        var counted = 0;
        while (counted < count)
        {
            var (header, packet) = await peer.ReceiveAsync(timeout.Token);
            if (packets.Count > 0 || packet[12] == firstByte)
            {
                packets.Add((header, packet, clock.Elapsed));
                counted += countFill || !IsFill(packet.AsSpan(12)) ? 1 : 0;
            }
        }

        return packets;
    }

    /// <summary>A frame of PCMU digital silence (0xFF), what a bridge sends when the other peer's frame is late.</summary>
    private static bool IsFill(ReadOnlySpan<byte> payload) => payload.Length > 0 && !payload.ContainsAnyExcept((byte)0xFF);

    private static async Task<List<byte[]>> ReceiveForAsync(RtpPeer peer, TimeSpan duration)
    {
        var packets = new List<byte[]>();
        using var stop = new CancellationTokenSource(duration);
        try
        {
            while (true)
            {
                packets.Add((await peer.ReceiveAsync(stop.Token)).Packet);
            }
        }
        catch (OperationCanceledException)
        {
            return packets;
        }
    }

    private sealed class Legs : IAsyncDisposable
    {
        private readonly MediaEngine _engine;

        private Legs(MediaEngine engine, MediaSession a, MediaSession b, RtpPeer peerA, RtpPeer peerB)
        {
            _engine = engine;
            A = a;
            B = b;
            PeerA = peerA;
            PeerB = peerB;
        }

        public MediaSession A { get; }

        public MediaSession B { get; }

        public RtpPeer PeerA { get; }

        public RtpPeer PeerB { get; }

        public static async Task<Legs> CreateAsync(string codecA, string codecB)
        {
            var engine = TestEngines.Create();
            var a = engine.CreateSession(new RecordingObserver());
            var b = engine.CreateSession(new RecordingObserver());
            var peerA = new RtpPeer();
            var peerB = new RtpPeer { Ssrc = 0x0B0B0B0B };
            Assert.True(a.ApplyAnswer(TestEngines.AnswerTo(peerA.Port, codecA == "PCMU" ? 0 : 8, codecA)).IsSuccess);
            Assert.True(b.ApplyAnswer(TestEngines.AnswerTo(peerB.Port, codecB == "PCMU" ? 0 : 8, codecB)).IsSuccess);
            await peerA.ReceiveUntilAsync((_, _) => true);
            await peerB.ReceiveUntilAsync((_, _) => true);
            return new Legs(engine, a, b, peerA, peerB);
        }

        public async ValueTask DisposeAsync()
        {
            await A.DisposeAsync();
            await B.DisposeAsync();
            await _engine.DisposeAsync();
            PeerA.Dispose();
            PeerB.Dispose();
        }
    }
}
