using System.Net;
using Switchboard.Media.Tests.Support;

namespace Switchboard.Media.Tests.Sessions;

/// <summary>RFC 4961 symmetric RTP: we answer to where the peer's RTP really comes from.</summary>
public sealed class MediaSessionSymmetricRtpTests
{
    private static readonly byte[] s_silence = Enumerable.Repeat((byte)0xFF, 160).ToArray();

    [Fact]
    public async Task APeerSendingFromAnotherPortThanItsSdp_ReceivesOurStream()
    {
        await using var engine = TestEngines.Create();
        await using var session = engine.CreateSession(new RecordingObserver());
        using var advertised = new RtpPeer();
        using var natted = new RtpPeer();
        Assert.True(session.ApplyAnswer(TestEngines.AnswerTo(advertised.Port)).IsSuccess);

        await advertised.ReceiveUntilAsync((_, _) => true);
        Assert.Equal(advertised.EndPoint, session.RemoteRtpEndPoint);

        await natted.SendAsync(session.LocalPort, 0, s_silence);

        var (header, _) = await natted.ReceiveUntilAsync((_, _) => true);
        Assert.Equal(session.Ssrc, header.Ssrc);
        Assert.Equal(natted.EndPoint, session.RemoteRtpEndPoint);
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

        // A re-INVITE moves the peer: the next valid packet latches again, wherever it comes from.
        Assert.True(session.ApplyAnswer(TestEngines.AnswerTo(peer.Port)).IsSuccess);
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
