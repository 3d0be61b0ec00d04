using System.Net;
using Switchboard.Media.Audio;
using Switchboard.Media.Codecs;
using Switchboard.Media.Recording;
using Switchboard.Media.Sessions;
using Switchboard.Media.Tests.Sessions;
using Switchboard.Media.Tests.Support;

namespace Switchboard.Media.Tests.Recording;

/// <summary>Recordings of live sessions on loopback, read back from the file.</summary>
public sealed class MediaRecorderTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sb-rec-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task AMonoRecording_HoldsWhatThePeerSaid_InOrder()
    {
        await using var engine = TestEngines.Create();
        await using var session = engine.CreateSession(new RecordingObserver());
        using var peer = new RtpPeer();
        Assert.True(session.ApplyAnswer(TestEngines.AnswerTo(peer.Port)).IsSuccess);
        var recorder = session.StartRecording(new RecordingOptions(PathOf("mono.wav")));

        var speech = Enumerable.Range(0, 40 * 160).Select(i => MuLaw.Encode((short)(8000 * Math.Sin(i * 0.07)))).ToArray();
        await peer.SendPacedAsync(session.LocalPort, 0, speech);
        await Task.Delay(200);
        var result = await recorder.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(RecordingEndReason.Stopped, result.Reason);
        Assert.Equal(RecordingState.Ended, recorder.State);
        var file = WavFile.Read(result.Path);
        Assert.Equal(1, file.Channels);
        Assert.Equal(result.Duration, TimeSpan.FromSeconds(file.Frames / 8000.0));
        Assert.InRange(result.Duration, TimeSpan.FromSeconds(0.8), TimeSpan.FromSeconds(5));
        var decoded = speech.Select(MuLaw.Decode).ToArray();
        Assert.Equal(decoded, file.WithoutSilentFrames(0));
    }

    [Fact]
    public async Task AStereoRecordingOfBothDirections_PutsThePeerLeftAndOurAudioRight()
    {
        await using var engine = TestEngines.Create();
        await using var session = engine.CreateSession(new RecordingObserver());
        using var peer = new RtpPeer();
        Assert.True(session.ApplyAnswer(TestEngines.AnswerTo(peer.Port)).IsSuccess);
        var recorder = session.StartRecording(new RecordingOptions(PathOf("both.wav")), AudioDirection.Both);

        var playing = session.PlayAsync(new AudioClip(Enumerable.Repeat((short)5000, 25 * 160).ToArray()), CancellationToken.None);
        await peer.SendPacedAsync(session.LocalPort, 0, Enumerable.Repeat(MuLaw.Encode(-1000), 25 * 160).ToArray());
        await playing.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(100);
        var result = await recorder.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));

        var file = WavFile.Read(result.Path);
        Assert.Equal(2, file.Channels);
        Assert.Equal(2, result.Channels);
        var left = file.WithoutSilentFrames(0);
        var right = file.WithoutSilentFrames(1);
        Assert.Equal(25 * 160, left.Length);
        Assert.All(left, s => Assert.Equal(MuLaw.Decode(MuLaw.Encode(-1000)), s));
        Assert.Equal(25 * 160, right.Length);
        Assert.All(right, s => Assert.Equal(5000, s));
    }

    [Fact]
    public async Task MaxLength_EndsTheRecordingWithExactlyThatMuchAudio()
    {
        await using var engine = TestEngines.Create();
        await using var session = engine.CreateSession(new RecordingObserver());
        var recorder = session.StartRecording(new RecordingOptions(PathOf("max.wav")) { MaxLength = TimeSpan.FromMilliseconds(300) });

        var result = await recorder.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(RecordingEndReason.MaxLength, result.Reason);
        Assert.Equal(TimeSpan.FromMilliseconds(300), result.Duration);
        Assert.Equal(2400, WavFile.Read(result.Path).Frames);
    }

    [Fact]
    public async Task SilenceTimeout_EndsTheRecording_OnlyAfterTheSoundStops()
    {
        await using var engine = TestEngines.Create();
        await using var session = engine.CreateSession(new RecordingObserver());
        using var peer = new RtpPeer();
        Assert.True(session.ApplyAnswer(TestEngines.AnswerTo(peer.Port)).IsSuccess);
        var recorder = session.StartRecording(new RecordingOptions(PathOf("silence.wav")) { SilenceTimeout = TimeSpan.FromMilliseconds(600) });

        await peer.SendPacedAsync(session.LocalPort, 0, Enumerable.Repeat(MuLaw.Encode(6000), 40 * 160).ToArray());
        var result = await recorder.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(RecordingEndReason.Silence, result.Reason);
        Assert.InRange(result.Duration, TimeSpan.FromMilliseconds(1200), TimeSpan.FromSeconds(5));
        var samples = WavFile.Read(result.Path).ChannelSamples[0];
        Assert.All(samples[^4800..], s => Assert.Equal(0, s));
    }

    [Fact]
    public async Task ATerminationKey_EndsTheRecording_AndIsReported()
    {
        var observer = new RecordingObserver();
        await using var engine = TestEngines.Create();
        await using var session = engine.CreateSession(observer);
        using var peer = new RtpPeer();
        Assert.True(session.ApplyAnswer(TestEngines.AnswerTo(peer.Port)).IsSuccess);
        var recorder = session.StartRecording(new RecordingOptions(PathOf("key.wav")) { TerminationKeys = "#1" });

        foreach (var packet in PcapReader.ReadUdpPayloads(PcapReader.DtmfCapture("1")))
        {
            await peer.Socket.SendAsync(packet, new IPEndPoint(IPAddress.Loopback, session.LocalPort));
        }

        var result = await recorder.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(RecordingEndReason.TerminationKey, result.Reason);
        Assert.Equal('1', result.Key);
        Assert.Equal('1', (await observer.NextDigitAsync()).Key);
    }

    [Fact]
    public async Task PausedTime_IsNotRecorded_AndClosingTheSessionEndsTheRecording()
    {
        await using var engine = TestEngines.Create();
        var session = engine.CreateSession(new RecordingObserver());
        var recorder = session.StartRecording(new RecordingOptions(PathOf("pause.wav")));

        await Task.Delay(200);
        Assert.True(recorder.Pause());
        Assert.False(recorder.Pause());
        var atPause = recorder.Duration;
        await Task.Delay(400);
        Assert.InRange(recorder.Duration, atPause, atPause + TimeSpan.FromMilliseconds(20));
        Assert.True(recorder.Resume());
        await Task.Delay(200);
        await session.DisposeAsync();
        var result = await recorder.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(RecordingEndReason.SessionClosed, result.Reason);
        Assert.InRange(result.Duration, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(700));
        Assert.Equal(0, engine.ActiveRecordings);
    }

    [Fact]
    public async Task AFileReadDuringTheRecording_IsAlreadyValid()
    {
        await using var engine = TestEngines.Create();
        await using var session = engine.CreateSession(new RecordingObserver());
        var recorder = session.StartRecording(new RecordingOptions(PathOf("live.wav")) { FlushInterval = TimeSpan.FromMilliseconds(100) });

        await Task.Delay(500);
        var live = WavFile.Read(recorder.Path);

        Assert.InRange(live.Frames, 800, 8000);
        Assert.Equal(0, live.Frames % 160);
        await recorder.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task BadOptions_AreRefusedBeforeAnythingStarts()
    {
        await using var engine = TestEngines.Create();
        await using var session = engine.CreateSession(new RecordingObserver());

        Assert.Throws<ArgumentException>(() => session.StartRecording(new RecordingOptions(PathOf("x.wav")) { TerminationKeys = "x" }));
        Assert.Throws<ArgumentOutOfRangeException>(() => session.StartRecording(new RecordingOptions(PathOf("x.wav")) { MaxLength = TimeSpan.Zero }));
        Assert.ThrowsAny<IOException>(() => session.StartRecording(new RecordingOptions("/proc/no/such/dir/x.wav")));
        Assert.Equal(0, engine.ActiveRecordings);
    }

    [Fact]
    public async Task ARecordingTick_AllocatesNothing()
    {
        await using var engine = TestEngines.Create();
        await using var session = engine.CreateSession(new RecordingObserver());
        // A slow clock of its own: the ticks below come from this thread, and disposing waits at most a period.
        using var clock = new Switchboard.Media.Clock.MediaClock(TimeSpan.FromSeconds(1), Microsoft.Extensions.Logging.Abstractions.NullLogger<Switchboard.Media.Clock.MediaClock>.Instance);
        using var writer = new RecordingWriter(TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var recorder = MediaRecorder.Start(
            new RecordingOptions(PathOf("ticks.wav")) { SilenceTimeout = TimeSpan.FromSeconds(60) },
            [new(session, AudioDirection.Received), new(session, AudioDirection.Sent)], clock, writer, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var tick = (Switchboard.Media.Clock.IMediaClockStream)recorder;
        tick.OnTick(0);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 1; i < 100; i++)
        {
            tick.OnTick(i);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(TimeSpan.FromSeconds(2), recorder.Duration);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private string PathOf(string name) => Path.Combine(_directory, name);
}
