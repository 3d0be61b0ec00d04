using System.Text;
using System.Text.Json;
using Switchboard.Calls.Engine;
using Switchboard.Calls.Engine.Streams;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Codecs;
using Switchboard.Media.Streams;

namespace Switchboard.Calls.Tests.Engine.Streams;

public sealed class StreamWireTests
{
    private static readonly CallSnapshot Call = new("CA1", "AC1", "+15550001", "+15550002", "abc@host", CallStatus.InProgress, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null);

    private readonly Commands _commands = new();

    [Fact]
    public void Jambonz_PlayAudio_IsDecodedAtItsSampleRate()
    {
        var wire = new JambonzWire(new ListenVerb(new Uri("ws://a")), Call);
        var audio = Convert.ToBase64String(new byte[] { 1, 0, 2, 0 });

        wire.OnText(Encoding.UTF8.GetBytes($$$"""{"type":"playAudio","data":{"audioContentType":"raw","sampleRate":24000,"audioContent":"{{{audio}}}","id":"greeting"}}"""), _commands);
        wire.OnText(Encoding.UTF8.GetBytes($$$"""{"type":"playAudio","data":{"id":7,"sampleRate":8000,"audioContent":"{{{audio}}}"}}"""), _commands);

        Assert.Equal(["pcm 4 bytes at 24000", "playDone greeting", "pcm 4 bytes at 8000", "playDone 7"], _commands.Seen);
    }

    [Fact]
    public void Jambonz_EscapedBase64_IsUnescapedFirst()
    {
        var wire = new JambonzWire(new ListenVerb(new Uri("ws://a")), Call);

        // "////" escapes its slashes as JSON allows: three 0xFF bytes.
        wire.OnText("""{"data":{"audioContent":"\/\/\/\/"},"type":"playAudio"}"""u8, _commands);

        Assert.Equal(["pcm 3 bytes at 8000", "playDone -"], _commands.Seen);
    }

    [Theory]
    [InlineData("""{"type":"killAudio"}""", "kill")]
    [InlineData("""{"type":"disconnect"}""", "disconnect")]
    [InlineData("""{"type":"mark","data":{"name":"m1"}}""", "mark m1")]
    [InlineData("""{"type":"clearMarks"}""", "clearMarks")]
    [InlineData("""{"type":"transcription","data":{"text":"hi"}}""", null)]
    [InlineData("""{"type":"playAudio","data":{"audioContent":"not base64!"}}""", "malformed")]
    [InlineData("""{"type":"playAudio","data":{"audioContent":"AAAA","sampleRate":11025}}""", "malformed")]
    [InlineData("""not json""", "malformed")]
    public void Jambonz_Commands_AreRead(string json, string? expected)
    {
        var wire = new JambonzWire(new ListenVerb(new Uri("ws://a")), Call);

        wire.OnText(Encoding.UTF8.GetBytes(json), _commands);

        Assert.Equal(expected is null ? [] : [expected], _commands.Seen);
    }

    [Fact]
    public void Jambonz_BinaryAudio_PlaysOnlyInStreamingMode()
    {
        var listening = new JambonzWire(new ListenVerb(new Uri("ws://a")), Call);
        var streaming = new JambonzWire(new ListenVerb(new Uri("ws://a")) { Streaming = true, ReturnSampleRate = 16000 }, Call);

        listening.OnBinary(new byte[320], _commands);
        streaming.OnBinary(new byte[320], _commands);

        Assert.Equal(["pcm 320 bytes at 16000"], _commands.Seen);
    }

    [Theory]
    [InlineData("""{"event":"media","streamSid":"MZ1","media":{"payload":"AAEC"}}""", "mulaw 3 bytes")]
    [InlineData("""{"media":{"track":"outbound","payload":"AAEC"},"event":"media"}""", "mulaw 3 bytes")]
    [InlineData("""{"event":"mark","streamSid":"MZ1","mark":{"name":"greeting"}}""", "mark greeting")]
    [InlineData("""{"event":"clear","streamSid":"MZ1"}""", "kill")]
    [InlineData("""{"event":"media","media":{"payload":"%%%"}}""", "malformed")]
    public void Twilio_Messages_AreRead(string json, string expected)
    {
        var wire = new TwilioWire(new ListenVerb(new Uri("ws://a")) { WireFormat = StreamWireFormat.Twilio }, Call);

        wire.OnText(Encoding.UTF8.GetBytes(json), _commands);

        Assert.Equal([expected], _commands.Seen);
    }

    [Fact]
    public void Twilio_ReadingAMediaMessage_AllocatesNothing()
    {
        var wire = new TwilioWire(new ListenVerb(new Uri("ws://a")), Call);
        var message = Encoding.UTF8.GetBytes($$$"""{"event":"media","streamSid":"MZ1","media":{"payload":"{{{Convert.ToBase64String(new byte[160])}}}"}}""");
        var sink = new Commands { Quiet = true };
        wire.OnText(message, sink);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            wire.OnText(message, sink);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void AgentAudio_ResampledIntoThePlayout_AllocatesNothingAfterTheFirstUseOfARate()
    {
        var playout = new StreamPlayout(8000 * 60);
        var audio = new AgentAudio(playout);
        var frame = new byte[640];
        audio.PlayLinear16(frame, 16000);
        audio.PlayMuLaw(new byte[160]);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            audio.PlayLinear16(frame, 16000);
            audio.PlayMuLaw(new ReadOnlySpan<byte>(frame, 0, 160));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.InRange(playout.Buffered, (101 * 160 * 2) - 40, 101 * 160 * 2);
    }

    [Fact]
    public void AgentAudio_ASampleSplitAcrossTwoFrames_IsJoined()
    {
        var playout = new StreamPlayout(8000);
        var audio = new AgentAudio(playout);
        var samples = Enumerable.Repeat((short)1000, 160).ToArray();
        var bytes = new byte[320];
        Buffer.BlockCopy(samples, 0, bytes, 0, 320);

        audio.PlayLinear16(bytes.AsSpan(0, 161), 8000);
        audio.PlayLinear16(bytes.AsSpan(161), 8000);

        var frame = new short[160];
        Assert.True(playout.TryReadFrame(frame));
        Assert.All(frame, sample => Assert.Equal(1000, sample));
    }

    private sealed class Commands : IAgentCommands
    {
        public List<string> Seen { get; } = [];

        public bool Quiet { get; init; }

        public void PlayLinear16(ReadOnlySpan<byte> audio, int sampleRate)
        {
            if (!Quiet)
            {
                Note($"pcm {audio.Length} bytes at {sampleRate}");
            }
        }

        public void PlayMuLaw(ReadOnlySpan<byte> audio)
        {
            // Quiet: nothing formatted, so an allocation measured is the wire's own.
            if (!Quiet)
            {
                Note($"mulaw {audio.Length} bytes");
            }
        }

        public void KillAudio() => Note("kill");

        public void Mark(string name) => Note("mark " + name);

        public void PlayDone(string? id) => Note("playDone " + (id ?? "-"));

        public void ClearMarks() => Note("clearMarks");

        public void Disconnect() => Note("disconnect");

        public void Malformed(string reason) => Note("malformed");

        private void Note(string what)
        {
            if (!Quiet)
            {
                Seen.Add(what);
            }
        }
    }
}
