using System.Net;
using System.Net.Sockets;
using Switchboard.Media.Audio;
using Switchboard.Media.Sessions;
using Switchboard.Media.Tests.Support;

namespace Switchboard.Media.Tests.Sessions;

public sealed class MediaSessionPlaybackTests
{
    private static readonly AudioClip TenSeconds = new(new short[80000]);
    private static readonly AudioClip TwoFrames = new(Enumerable.Repeat((short)5000, 320).ToArray());

    [Fact]
    public async Task Cancelling_StopsThePlayAndCancelsItsTask()
    {
        await using var engine = TestEngines.Create();
        await using var session = await AnsweredSessionAsync(engine);
        using var cancel = new CancellationTokenSource();

        var play = session.PlayAsync(TenSeconds, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => play);
        Assert.True(play.IsCanceled);
    }

    [Fact]
    public async Task Plays_AreSequential_AndStopPlaybackCancelsTheQueue()
    {
        await using var engine = TestEngines.Create();
        await using var session = await AnsweredSessionAsync(engine);

        var first = session.PlayAsync(TenSeconds, CancellationToken.None);
        var second = session.PlayAsync(TwoFrames, CancellationToken.None);
        await Task.Delay(200);
        Assert.False(second.IsCompleted, "the second clip must wait for the first");

        session.StopPlayback();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        await session.PlayAsync(TwoFrames, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Dispose_CancelsPendingPlays_AndIsIdempotent()
    {
        await using var engine = TestEngines.Create();
        var session = await AnsweredSessionAsync(engine);
        var play = session.PlayAsync(TenSeconds, CancellationToken.None);

        await session.DisposeAsync();
        await session.DisposeAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => play);
        Assert.Throws<ObjectDisposedException>(() => { _ = session.PlayAsync(TwoFrames, CancellationToken.None); });
        Assert.Equal(0, engine.ActiveSessions);
    }

    [Fact]
    public async Task PortPool_HandsOutEvenPorts_ThrowsWhenExhausted_AndReusesReleasedPorts()
    {
        await using var engine = TestEngines.CreateOnFreePorts(pairs: 2);
        var observer = new RecordingObserver();
        var a = engine.CreateSession(observer);
        var b = engine.CreateSession(observer);

        Assert.Equal(0, a.LocalPort % 2);
        Assert.Equal(0, b.LocalPort % 2);
        Assert.NotEqual(a.LocalPort, b.LocalPort);
        Assert.Throws<MediaPortsExhaustedException>(() => engine.CreateSession(observer));

        await a.DisposeAsync();
        await using var c = engine.CreateSession(observer);
        Assert.Equal(a.LocalPort, c.LocalPort);
        await b.DisposeAsync();
    }

    [Fact]
    public async Task PortPool_SkipsPortsTheOsRefuses()
    {
        // Both pairs must be free of other tests' sockets: the test itself takes one away.
        await using var engine = TestEngines.CreateOnFreePorts(pairs: 2);
        var observer = new RecordingObserver();
        var probe = engine.CreateSession(observer);
        var taken = probe.LocalPort;
        await probe.DisposeAsync();

        // Another program now holds the RTCP port of the first pair.
        using var squatter = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        squatter.Bind(new IPEndPoint(IPAddress.Loopback, taken + 1));
        await using var a = engine.CreateSession(observer);
        Assert.NotEqual(taken, a.LocalPort);
        Assert.Throws<MediaPortsExhaustedException>(() => engine.CreateSession(observer));
    }

    [Fact]
    public async Task RejectedAnswer_IsReportedAndDoesNotStartSending()
    {
        await using var engine = TestEngines.Create();
        await using var session = engine.CreateSession(new RecordingObserver());
        _ = session.CreateOffer();

        var result = session.ApplyAnswer("v=0\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 0 RTP/AVP 0\r\n");

        Assert.False(result.IsSuccess);
        Assert.Null(session.Media);
        Assert.Equal(0, engine.Clock.StreamCount);
    }

    [Fact]
    public async Task InboundOffer_GetsAnAnswerWithOurPort()
    {
        await using var engine = TestEngines.Create();
        await using var session = engine.CreateSession(new RecordingObserver());

        var answer = session.CreateAnswer(TestEngines.AnswerTo(40000, 8, "PCMA"));

        Assert.NotNull(answer);
        Assert.Contains($"m=audio {session.LocalPort} RTP/AVP 8 101", answer, StringComparison.Ordinal);
        Assert.Null(session.CreateAnswer("v=0\r\nc=IN IP4 127.0.0.1\r\nm=audio 4000 RTP/AVP 18\r\n"));
    }

    private static async Task<MediaSession> AnsweredSessionAsync(MediaEngine engine)
    {
        var session = engine.CreateSession(new RecordingObserver());
        using var sink = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var result = session.ApplyAnswer(TestEngines.AnswerTo(((IPEndPoint)sink.Client.LocalEndPoint!).Port));
        Assert.True(result.IsSuccess);
        await Task.Yield();
        return session;
    }
}
