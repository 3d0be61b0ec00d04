using System.Net;
using System.Net.Sockets;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sessions;
using Switchboard.Media.Tests.Support;

namespace Switchboard.Media.Tests.Sessions;

public sealed class MediaSessionTimeoutTests
{
    private static readonly byte[] s_packet = [0x80, 0x00, 0, 1, 0, 0, 0, 160, 0x12, 0x34, 0x56, 0x78, 0xFF, 0xFF];

    [Fact]
    public async Task NoRtpAfterNegotiation_ReportsMediaTimeoutOnce_UntilPacketsResume()
    {
        var observer = new RecordingObserver();
        await using var engine = TestEngines.Create(mediaTimeout: TimeSpan.FromMilliseconds(200));
        await using var session = engine.CreateSession(observer);
        using var peer = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        Assert.True(session.ApplyAnswer(TestEngines.AnswerTo(((IPEndPoint)peer.Client.LocalEndPoint!).Port)).IsSuccess);

        await observer.NextTimeoutAsync();
        await Task.Delay(700);
        Assert.Equal(0, observer.TimeoutsSoFar);

        await peer.SendAsync(s_packet, new IPEndPoint(IPAddress.Loopback, session.LocalPort));
        await observer.NextTimeoutAsync();
        Assert.Equal(1, session.ReceivedPackets);
    }

    [Theory]
    [InlineData("sendonly")]
    [InlineData("inactive")]
    [InlineData("recvonly")]
    public async Task APeerOnHold_DoesNotTimeOut_UntilItResumes(string direction)
    {
        var observer = new RecordingObserver();
        await using var engine = TestEngines.Create(mediaTimeout: TimeSpan.FromMilliseconds(200));
        await using var session = engine.CreateSession(observer);
        using var peer = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)peer.Client.LocalEndPoint!).Port;
        Assert.True(session.ApplyAnswer(TestEngines.AnswerTo(port)).IsSuccess);
        Assert.True(session.ApplyAnswer(TestEngines.AnswerTo(port, direction: direction)).IsSuccess);

        await Task.Delay(800);
        Assert.Equal(0, observer.TimeoutsSoFar);

        Assert.True(session.ApplyAnswer(TestEngines.AnswerTo(port)).IsSuccess);
        await observer.NextTimeoutAsync();
    }

    [Fact]
    public async Task PeerRtcp_CountsAsActivity_OnTheMediaClock()
    {
        var time = new ManualTimeProvider();
        var observer = new RecordingObserver();
        await using var engine = TestEngines.Create(mediaTimeout: TimeSpan.FromSeconds(30), time: time);
        await using var session = engine.CreateSession(observer);
        var (peer, rtcp) = RtpPeer.CreateWithRtcp();
        using var _ = peer;
        using var __ = rtcp;
        Assert.True(session.ApplyAnswer(TestEngines.AnswerTo(peer.Port)).IsSuccess);

        time.Advance(TimeSpan.FromSeconds(20));
        var report = new byte[64];
        var length = RtcpWriter.WriteReceiverReport(report, peer.Ssrc, null);
        length += RtcpWriter.WriteCname(report.AsSpan(length), peer.Ssrc, "peer"u8);
        await rtcp.SendAsync(report.AsMemory(0, length), new IPEndPoint(IPAddress.Loopback, session.LocalPort + 1));
        await MediaSessionSymmetricRtpTests.WaitUntilAsync(() => session.GetStatistics().RtcpReceived == 1);

        // 40 s after the answer but 20 s after the report: the clock checks about once a second.
        time.Advance(TimeSpan.FromSeconds(20));
        await Task.Delay(1500);
        Assert.Equal(0, observer.TimeoutsSoFar);

        time.Advance(TimeSpan.FromSeconds(10));
        await observer.NextTimeoutAsync();
        Assert.Equal(0, session.ReceivedPackets);
    }

    [Fact]
    public async Task AnUnnegotiatedSession_DoesNotTimeOut()
    {
        var observer = new RecordingObserver();
        await using var engine = TestEngines.Create(mediaTimeout: TimeSpan.FromMilliseconds(100));
        await using var session = engine.CreateSession(observer);

        await Task.Delay(500);

        Assert.Equal(0, observer.TimeoutsSoFar);
    }

    [Fact]
    public void Options_RejectANonPositiveTimeout_ButAcceptInfinite()
    {
        var options = new MediaEngineOptions(IPAddress.Loopback, "127.0.0.1", 40000, 40001);
        Assert.Equal(TimeSpan.FromSeconds(30), options.MediaTimeout);
        (options with { MediaTimeout = Timeout.InfiniteTimeSpan }).Validate();
        Assert.Throws<ArgumentException>(() => (options with { MediaTimeout = TimeSpan.Zero }).Validate());
    }
}
