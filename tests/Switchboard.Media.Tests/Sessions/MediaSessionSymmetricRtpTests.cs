using System.Net;
using Switchboard.Media.Tests.Support;

namespace Switchboard.Media.Tests.Sessions;

/// <summary>
/// RFC 4961 symmetric RTP over real sockets: we answer to where the peer's RTP really comes from, but a source
/// other than the SDP's must earn the latch with a run of consecutive packets, and may take a latched stream
/// over only while the latched source is silent.
/// </summary>
public sealed class MediaSessionSymmetricRtpTests
{
    private static readonly byte[] s_silence = Enumerable.Repeat((byte)0xFF, 160).ToArray();

    [Fact]
    public async Task APeerSendingFromAnotherPortThanItsSdp_ReceivesOurStream_AfterFiveConsecutivePackets()
    {
        await using var engine = TestEngines.Create();
        await using var session = engine.CreateSession(new RecordingObserver());
        using var advertised = new RtpPeer();
        using var natted = new RtpPeer();
        Assert.True(session.ApplyAnswer(TestEngines.AnswerTo(advertised.Port)).IsSuccess);

        await advertised.ReceiveUntilAsync((_, _) => true);
        Assert.Equal(advertised.EndPoint, session.RemoteRtpEndPoint);

        for (var i = 0; i < 4; i++)
        {
            await natted.SendAsync(session.LocalPort, 0, s_silence);
        }

        await WaitUntilAsync(() => session.RefusedPackets == 4);
        Assert.Equal(advertised.EndPoint, session.RemoteRtpEndPoint);

        await natted.SendAsync(session.LocalPort, 0, s_silence);
        var (header, _) = await natted.ReceiveUntilAsync((_, _) => true);
        Assert.Equal(session.Ssrc, header.Ssrc);
        Assert.Equal(natted.EndPoint, session.RemoteRtpEndPoint);
    }

    [Fact]
    public async Task ASpoofedEarlyPacket_DoesNotCaptureTheStream()
    {
        await using var engine = TestEngines.Create();
        await using var session = engine.CreateSession(new RecordingObserver());
        using var peer = new RtpPeer();
        using var spoofer = new RtpPeer { Ssrc = 0xBAD };
        Assert.True(session.ApplyAnswer(TestEngines.AnswerTo(peer.Port)).IsSuccess);

        for (var i = 0; i < 4; i++)
        {
            await spoofer.SendAsync(session.LocalPort, 0, s_silence);
        }

        await WaitUntilAsync(() => session.RefusedPackets == 4);
        await peer.SendAsync(session.LocalPort, 0, s_silence);
        await WaitUntilAsync(() => session.ReceivedPackets == 5);

        Assert.Equal(peer.EndPoint, session.RemoteRtpEndPoint);
        await peer.ReceiveUntilAsync((h, _) => h.Ssrc == session.Ssrc);
        await Task.Delay(200);
        Assert.Equal(0, spoofer.Socket.Available);
    }

    [Fact]
    public async Task AStrangerStreaming_WhileTheLatchedPeerTalks_IsRefused()
    {
        await using var engine = TestEngines.Create();
        await using var session = engine.CreateSession(new RecordingObserver());
        using var advertised = new RtpPeer();
        using var natted = new RtpPeer();
        using var stranger = new RtpPeer { Ssrc = 0xBAD };
        Assert.True(session.ApplyAnswer(TestEngines.AnswerTo(advertised.Port)).IsSuccess);
        var second = new byte[160 * 50];
        Array.Fill(second, (byte)0xFF);

        await natted.SendPacedAsync(session.LocalPort, 0, second[..(160 * 5)]);
        await WaitUntilAsync(() => Equals(session.RemoteRtpEndPoint, natted.EndPoint));
        var refusedBefore = session.RefusedPackets;

        // A whole second of a well-formed stream, interleaved with the latched peer's: never enough.
        await Task.WhenAll(natted.SendPacedAsync(session.LocalPort, 0, second), stranger.SendPacedAsync(session.LocalPort, 0, second));

        await WaitUntilAsync(() => session.RefusedPackets - refusedBefore == 50);
        Assert.Equal(natted.EndPoint, session.RemoteRtpEndPoint);
    }

    [Fact]
    public async Task WhenTheLatchedSourceFallsSilent_ItsStreamGoingOnFromANewAddressTakesOver()
    {
        await using var engine = TestEngines.Create();
        await using var session = engine.CreateSession(new RecordingObserver());
        using var advertised = new RtpPeer();
        using var before = new RtpPeer();
        // The same stream (SSRC), its sequence numbers going on after the ten packets sent from the old address.
        using var after = new RtpPeer { FirstSequence = 1010 };
        Assert.True(session.ApplyAnswer(TestEngines.AnswerTo(advertised.Port)).IsSuccess);
        var frames = new byte[160 * 10];
        Array.Fill(frames, (byte)0xFF);

        await before.SendPacedAsync(session.LocalPort, 0, frames);
        await WaitUntilAsync(() => Equals(session.RemoteRtpEndPoint, before.EndPoint));

        // The phone moved networks: its old address stops and, past the silence, the new one learns.
        await Task.Delay(700);
        await after.SendPacedAsync(session.LocalPort, 0, frames);

        await WaitUntilAsync(() => Equals(session.RemoteRtpEndPoint, after.EndPoint));
        await after.ReceiveUntilAsync((h, _) => h.Ssrc == session.Ssrc);
    }

    [Fact]
    public async Task WhenTheLatchedSourceFallsSilent_AnotherStreamIsStillRefused()
    {
        await using var engine = TestEngines.Create();
        await using var session = engine.CreateSession(new RecordingObserver());
        using var advertised = new RtpPeer();
        using var before = new RtpPeer();
        using var stranger = new RtpPeer { Ssrc = 0x5EC0 };
        Assert.True(session.ApplyAnswer(TestEngines.AnswerTo(advertised.Port)).IsSuccess);
        var frames = new byte[160 * 10];
        Array.Fill(frames, (byte)0xFF);

        await before.SendPacedAsync(session.LocalPort, 0, frames);
        await WaitUntilAsync(() => Equals(session.RemoteRtpEndPoint, before.EndPoint));

        // Past the silence a steady run of another SSRC arrives: silence is no invitation.
        await Task.Delay(700);
        var refusedBefore = session.RefusedPackets;
        await stranger.SendPacedAsync(session.LocalPort, 0, frames);
        await WaitUntilAsync(() => session.RefusedPackets >= refusedBefore + 10);

        Assert.Equal(before.EndPoint, session.RemoteRtpEndPoint);
    }

    [Fact]
    public async Task APacketFromTheSdpSource_TakesTheStreamBackAtOnce()
    {
        await using var engine = TestEngines.Create();
        await using var session = engine.CreateSession(new RecordingObserver());
        using var advertised = new RtpPeer();
        using var natted = new RtpPeer();
        Assert.True(session.ApplyAnswer(TestEngines.AnswerTo(advertised.Port)).IsSuccess);
        var frames = new byte[160 * 5];
        Array.Fill(frames, (byte)0xFF);
        await natted.SendPacedAsync(session.LocalPort, 0, frames);
        await WaitUntilAsync(() => Equals(session.RemoteRtpEndPoint, natted.EndPoint));

        await advertised.SendAsync(session.LocalPort, 0, s_silence);

        await WaitUntilAsync(() => Equals(session.RemoteRtpEndPoint, advertised.EndPoint));
    }

    [Fact]
    public async Task AfterLatching_OtherSourcesAreRefusedAndCounted_UntilANewAnswer()
    {
        var observer = new RecordingObserver();
        await using var engine = TestEngines.Create();
        await using var session = engine.CreateSession(observer);
        using var peer = new RtpPeer();
        using var stranger = new RtpPeer();
        Assert.True(session.ApplyAnswer(TestEngines.AnswerTo(peer.Port)).IsSuccess);

        await peer.SendAsync(session.LocalPort, 0, s_silence);
        await WaitUntilAsync(() => session.ReceivedPackets == 1);
        foreach (var packet in PcapReader.ReadUdpPayloads(PcapReader.DtmfCapture("1")))
        {
            await stranger.Socket.SendAsync(packet, new IPEndPoint(IPAddress.Loopback, session.LocalPort));
        }

        await WaitUntilAsync(() => session.RefusedPackets > 0 && session.ReceivedPackets == 1 + session.RefusedPackets);
        Assert.False(observer.TryTakeDigit(out _));
        Assert.Equal(peer.EndPoint, session.RemoteRtpEndPoint);

        // A re-INVITE that names the stranger's address: it latches at its first packet.
        Assert.True(session.ApplyAnswer(TestEngines.AnswerTo(stranger.Port)).IsSuccess);
        await stranger.SendAsync(session.LocalPort, 0, s_silence);
        await stranger.ReceiveUntilAsync((h, _) => h.Ssrc == session.Ssrc);
        Assert.Equal(stranger.EndPoint, session.RemoteRtpEndPoint);
    }

    [Fact]
    public async Task APacketWithAnUnnegotiatedPayloadType_DoesNotLatch()
    {
        await using var engine = TestEngines.Create();
        await using var session = engine.CreateSession(new RecordingObserver());
        using var peer = new RtpPeer();
        using var stranger = new RtpPeer();
        Assert.True(session.ApplyAnswer(TestEngines.AnswerTo(peer.Port)).IsSuccess);

        await stranger.SendAsync(session.LocalPort, 18, s_silence);
        await stranger.Socket.SendAsync(new byte[] { 0x40, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1 }, new IPEndPoint(IPAddress.Loopback, session.LocalPort));
        await WaitUntilAsync(() => session.ReceivedPackets == 2);

        Assert.Equal(peer.EndPoint, session.RemoteRtpEndPoint);
        await peer.SendAsync(session.LocalPort, 0, s_silence);
        await WaitUntilAsync(() => session.ReceivedPackets == 3);
        Assert.Equal(0, session.RefusedPackets);
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached in 10 s");
            await Task.Delay(10);
        }
    }
}
