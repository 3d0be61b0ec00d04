using Switchboard.Media.Audio;
using Switchboard.Media.Codecs;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Rtp;
using Switchboard.Media.Tests.Support;

namespace Switchboard.Media.Tests.Sessions;

/// <summary>Keys sent on the outgoing stream, decoded by a plain socket peer.</summary>
public sealed class MediaSessionSendDigitsTests
{
    [Fact]
    public async Task Digits_ArriveAsRfc4733Events_InTheSameStream_WithGapsBetweenThem()
    {
        await using var engine = TestEngines.Create();
        await using var session = engine.CreateSession(new RecordingObserver());
        using var peer = new RtpPeer();
        Assert.True(session.ApplyAnswer(TestEngines.AnswerTo(peer.Port)).IsSuccess);
        await peer.ReceiveUntilAsync((_, _) => true);

        var sending = session.SendDigitsAsync("1#", CancellationToken.None);
        var ends = 0;
        var packets = await CollectUntilAsync(peer, p => p.Header.PayloadType == 101 && Event(p.Packet).End && ++ends == 6);
        await sending.WaitAsync(TimeSpan.FromSeconds(10));

        var headers = packets.Select(p => p.Header).ToList();
        Assert.All(headers, h => Assert.Equal(session.Ssrc, h.Ssrc));
        for (var i = 1; i < headers.Count; i++)
        {
            Assert.Equal((ushort)(headers[i - 1].SequenceNumber + 1), headers[i].SequenceNumber);
        }

        var events = packets.Where(p => p.Header.PayloadType == 101).ToList();
        var byEvent = events.GroupBy(p => p.Header.Timestamp).ToList();
        Assert.Equal(2, byEvent.Count);
        foreach (var group in byEvent)
        {
            var payloads = group.Select(p => Event(p.Packet)).ToList();
            Assert.True(group.First().Header.Marker);
            Assert.All(group.Skip(1), p => Assert.False(p.Header.Marker));
            Assert.Equal([160, 320, 480, 640, 800, 800, 800], payloads.Select(e => (int)e.Duration));
            Assert.Equal(3, payloads.Count(e => e.End));
        }

        Assert.Equal([1, 11], byEvent.Select(g => (int)Event(g.First().Packet).Event));

        // Audio (silence) fills the gap between the two keys, and the second starts later on the timeline.
        var lastOfFirst = headers.FindLastIndex(h => h.PayloadType == 101 && h.Timestamp == byEvent[0].Key);
        var firstOfSecond = headers.FindIndex(h => h.PayloadType == 101 && h.Timestamp == byEvent[1].Key);
        Assert.Equal(3, firstOfSecond - lastOfFirst - 1);
        Assert.All(headers.Skip(lastOfFirst + 1).Take(3), h => Assert.Equal(0, h.PayloadType));
        // Ten ticks apart; a clock stall skips ticks, which only widens the timestamp gap (RFC 3550 §5.1).
        var step = byEvent[1].Key - byEvent[0].Key;
        Assert.True(step >= 10 * 160 && step % 160 == 0, $"the second key starts {step} samples after the first");

        var detector = new DtmfEventDetector();
        var digits = new DtmfDigit[2];
        var keys = new List<char>();
        foreach (var p in events)
        {
            var count = detector.Accept(p.Header.Timestamp, Event(p.Packet), digits);
            keys.AddRange(digits.Take(count).Select(d => d.Key));
        }

        Assert.Equal("1#", new string([.. keys]));
    }

    [Fact]
    public async Task APlayingClip_PausesWhileAKeyIsSent_AndResumesWhereItWas()
    {
        await using var engine = TestEngines.Create();
        await using var session = engine.CreateSession(new RecordingObserver());
        using var peer = new RtpPeer();
        Assert.True(session.ApplyAnswer(TestEngines.AnswerTo(peer.Port)).IsSuccess);

        // Frame n of the clip is the constant 1000 × (n + 1), so each frame is recognisable on the wire.
        var clip = Enumerable.Range(0, 30 * 160).Select(i => (short)(1000 * ((i / 160) + 1))).ToArray();
        var playing = session.PlayAsync(new AudioClip(clip), CancellationToken.None);
        await peer.ReceiveUntilAsync((h, p) => h.PayloadType == 0 && p[12] != MuLaw.Silence);
        await session.SendDigitsAsync("5", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        var last = MuLaw.Encode(30000);
        var packets = await CollectUntilAsync(peer, p => p.Header.PayloadType == 0 && p.Packet[12] == last);
        await playing.WaitAsync(TimeSpan.FromSeconds(10));

        // The first clip frame was read above; every later one arrives once, in order, around the key.
        var kinds = new string(packets.Select(p => p.Header.PayloadType == 101 ? 'e' : p.Packet[12] == MuLaw.Silence ? 's' : 'a').ToArray());
        Assert.Matches("^a*e{7}s{3}a+$", kinds);
        var clipFrames = packets.Where(p => p.Header.PayloadType == 0 && p.Packet[12] != MuLaw.Silence)
            .Select(p => MuLaw.Decode(p.Packet[12])).ToList();
        var expected = Enumerable.Range(1, 29).Select(n => MuLaw.Decode(MuLaw.Encode((short)(1000 * (n + 1))))).ToList();
        Assert.Equal(expected, clipFrames);
    }

    [Fact]
    public async Task WithoutTelephoneEvent_DigitsAreSentAsInBandTones()
    {
        await using var engine = TestEngines.Create();
        await using var session = engine.CreateSession(new RecordingObserver());
        using var peer = new RtpPeer();
        var answer = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + $"m=audio {peer.Port} RTP/AVP 8\r\na=rtpmap:8 PCMA/8000\r\n";
        Assert.True(session.ApplyAnswer(answer).IsSuccess);

        var sending = session.SendDigitsAsync("7", CancellationToken.None);
        var tone = 0;
        var packets = await CollectUntilAsync(peer, p => p.Packet.Skip(12).Any(b => b != ALaw.Silence) && ++tone == 5);
        packets.AddRange(await CollectUntilAsync(peer, p => p.Packet.Skip(12).All(b => b == ALaw.Silence)));
        await sending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.All(packets, p => Assert.Equal(8, p.Header.PayloadType));
        var pcm = packets.SelectMany(p => p.Packet.Skip(12).Select(ALaw.Decode)).Concat(new short[800]).ToArray();
        var detector = new DtmfToneDetector();
        var digits = new DtmfDigit[pcm.Length / DtmfToneDetector.BlockSize + 1];
        var count = detector.Process(pcm, digits);
        Assert.Equal("7", new string(digits.Take(count).Select(d => d.Key).ToArray()));
    }

    [Fact]
    public async Task BadKeys_AreRefused_AndCancellingCancelsTheTask()
    {
        await using var engine = TestEngines.Create();
        await using var session = engine.CreateSession(new RecordingObserver());
        Assert.Throws<ArgumentException>(() => { _ = session.SendDigitsAsync("12x", CancellationToken.None); });
        Assert.Throws<ArgumentOutOfRangeException>(() =>
        {
            _ = session.SendDigitsAsync("1", new DigitSendOptions(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(100)), CancellationToken.None);
        });

        using var cancel = new CancellationTokenSource();
        var sending = session.SendDigitsAsync("123", cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
    }

    private static TelephoneEvent Event(byte[] packet)
    {
        Assert.True(TelephoneEvent.TryParse(packet.AsSpan(12), out var telephoneEvent));
        return telephoneEvent;
    }

    /// <summary>Every packet from now until one for which <paramref name="last"/> holds, that one included.</summary>
    private static async Task<List<(RtpHeader Header, byte[] Packet)>> CollectUntilAsync(
        RtpPeer peer, Func<(RtpHeader Header, byte[] Packet), bool> last)
    {
        var packets = new List<(RtpHeader, byte[])>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var packet = await peer.ReceiveAsync(timeout.Token);
            packets.Add(packet);
            if (last(packet))
            {
                return packets;
            }
        }
    }
}
