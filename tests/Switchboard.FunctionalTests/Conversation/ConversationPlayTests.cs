using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.FunctionalTests.Peers;

namespace Switchboard.FunctionalTests.Conversation;

/// <summary>
/// PLAY for real: audio files served over HTTP (from 127.0.0.1, which the test server allows), fetched, decoded,
/// resampled and sent to a SIPp callee, whose RTP the test measures.
/// </summary>
public sealed class ConversationPlayTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Play_OfA16kHzWav_IsHeardAtItsPitch_AfterAFileThatCannotBeDecodedIsReportedAndSkipped()
    {
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync("uas_answer_await_bye.xml", new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString() });
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Files["/tone.wav"] = ("audio/wav", ToneWav(sampleRate: 16_000, channels: 1, frequency: 1000, seconds: 2));
        // An MP3 frame header and then nothing an MP3 decoder can use.
        hooks.Files["/broken.mp3"] = ("audio/mpeg", [0xFF, 0xFB, 0x90, 0x64, .. new byte[2000]]);
        await using var server = await TestServer.StartAsync(callee.Uri);

        var response = await server.Client.PostAsJsonAsync("/voice/conversation", Request(hooks, new { type = "PLAY", fileUrl = hooks.Url("/broken.mp3") }, new { type = "PLAY", fileUrl = hooks.Url("/tone.wav") }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var completed = await hooks.WaitForAsync(w => w.Path == "/status" && StatusName(w) == "Completed", Patience);
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));
        Assert.InRange(RtpAnalysis.ToneFrequency(rtp.Packets, payloadType: 8), 980, 1020);

        // The failure is posted when it happens (OnChange), with the call still in progress, and the final status lists it too.
        var failedPost = hooks.Received.Single(w => w.Path == "/status" && w.Body.TryGetProperty("failedVerbs", out _) && StatusName(w) == "InProgress");
        var failed = Assert.Single(failedPost.Body.GetProperty("failedVerbs").EnumerateArray());
        Assert.Equal("PLAY", failed.GetProperty("type").GetString());
        Assert.Equal(hooks.Url("/broken.mp3"), failed.GetProperty("fileUrl").GetString());
        Assert.Contains("NotAudio", failed.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Single(completed.Body.GetProperty("failedVerbs").EnumerateArray());
        Assert.Equal(["Queued", "Initiated", "Ringing", "InProgress", "InProgress", "Completed"], hooks.Received.Where(w => w.Path == "/status").Select(StatusName).ToArray());
    }

    [Fact]
    public async Task Play_OfAStereo44kHzMp3_IsHeardAtItsPitch()
    {
        // The MP3 is made by a real encoder from a generated tone, as a user's own tools would make it.
        var mp3 = await EncodeMp3Async(ToneWav(sampleRate: 44_100, channels: 2, frequency: 600, seconds: 2));
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync("uas_answer_await_bye.xml", new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString() });
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Files["/tone.mp3"] = ("audio/mpeg", mp3);
        await using var server = await TestServer.StartAsync(callee.Uri);

        var response = await server.Client.PostAsJsonAsync("/voice/conversation", Request(hooks, new { type = "PLAY", fileUrl = hooks.Url("/tone.mp3") }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var completed = await hooks.WaitForAsync(w => w.Path == "/status" && StatusName(w) == "Completed", Patience);
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));
        Assert.False(completed.Body.TryGetProperty("failedVerbs", out _), "the MP3 was reported as failed");
        var heard = RtpAnalysis.Analyse(rtp.Packets, payloadType: 8);
        Assert.True(heard.SpeechPackets > 80, $"only {heard.SpeechPackets} packets carried the tone (2 s is 100)");
        Assert.InRange(RtpAnalysis.ToneFrequency(rtp.Packets, payloadType: 8), 588, 612);
    }

    internal static string StatusName(ReceivedWebhook webhook) =>
        webhook.Body.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Object
            ? status.GetProperty("name").GetString() ?? ""
            : "";

    private static Dictionary<string, object> Request(WebhookReceiver hooks, params object[] verbs) => new()
    {
        ["from"] = "123",
        ["to"] = new { phone = "+306970000001" },
        ["dialPlan"] = new { verbs },
        ["callback"] = new { url = hooks.Url("/status"), strategy = "OnChange" },
    };

    private static async Task<byte[]> EncodeMp3Async(byte[] wav)
    {
        var input = Path.Combine(Path.GetTempPath(), $"switchboard-{Guid.NewGuid():N}.wav");
        var output = Path.ChangeExtension(input, ".mp3");
        await File.WriteAllBytesAsync(input, wav);
        try
        {
            var start = new ProcessStartInfo("lame") { UseShellExecute = false, RedirectStandardError = true };
            foreach (var argument in new[] { "--silent", "-b", "128", "--resample", "44.1", input, output })
            {
                start.ArgumentList.Add(argument);
            }

            using var lame = Process.Start(start) ?? throw new InvalidOperationException("lame did not start (./test installs it)");
            var errors = await lame.StandardError.ReadToEndAsync();
            await lame.WaitForExitAsync();
            Assert.True(lame.ExitCode == 0, "lame failed: " + errors);
            return await File.ReadAllBytesAsync(output);
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }

    /// <summary>A 16-bit PCM WAV of one sine tone, the same in every channel.</summary>
    private static byte[] ToneWav(int sampleRate, int channels, double frequency, double seconds)
    {
        var frames = (int)(sampleRate * seconds);
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write("RIFF"u8);
        writer.Write(36 + (frames * 2 * channels));
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)channels);
        writer.Write(sampleRate);
        writer.Write(sampleRate * 2 * channels);
        writer.Write((short)(2 * channels));
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(frames * 2 * channels);
        for (var i = 0; i < frames; i++)
        {
            var sample = (short)(12000 * Math.Sin(2 * Math.PI * frequency * i / sampleRate));
            for (var c = 0; c < channels; c++)
            {
                writer.Write(sample);
            }
        }

        writer.Flush();
        return stream.ToArray();
    }
}
