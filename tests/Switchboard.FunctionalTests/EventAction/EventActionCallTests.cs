using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.FunctionalTests.Peers;

namespace Switchboard.FunctionalTests.EventAction;

/// <summary>
/// Seed 004's event/action API on real calls: SIPp callees and callers on loopback, every event posted to the test's
/// callback URL, every action the test answers with run on the call.
/// </summary>
public sealed class EventActionCallTests
{
    private const string KeyCaptures = "/usr/share/sip-tester/dtmf_2833_";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Play_WithCollectInput_ReportsTheKeysAndTheTerminator()
    {
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync(
            ScenarioTemplate.Fill("uas_three_keys.xml", new Dictionary<string, string>
            {
                ["delay_ms"] = "2500",
                ["key1_pcap"] = KeyCaptures + "4.pcap",
                ["key2_pcap"] = KeyCaptures + "2.pcap",
                ["key3_pcap"] = KeyCaptures + "pound.pcap",
                ["gap_ms"] = "400",
                ["bye_timeout_ms"] = "30000",
            }),
            new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString() });
        await using var events = await EventLog.StartAsync();
        events.Receiver.Files["/welcome.wav"] = ("audio/wav", WavFile.Pcm16(SpokenAudio.Tone(440, 1000)));
        events.Answer = (name, _) => name switch
        {
            "ANSWERED" => (200, $$$"""
                {"action": "PLAY",
                 "audio": [{"type": "URL", "location": "{{{events.Receiver.Url("/welcome.wav")}}}"},
                           {"type": "TTS", "text": "Please enter your code followed by the hash key.", "language": "en-US", "gender": "FEMALE"}],
                 "collectInput": {"terminationDigit": "#", "maxDigits": 0, "digitTimeout": 5}}
                """),
            "COLLECTED_DIGITS" => (200, """{"action": "HANGUP"}"""),
            _ => (200, null),
        };
        await using var server = await TestServer.StartAsync(callee.Uri);

        var created = await MakeCallAsync(server, events, correlationId: "order-1234");

        var answered = await events.WaitForAsync("ANSWERED");
        var collected = await events.WaitForAsync("COLLECTED_DIGITS");
        var dropped = await events.WaitForAsync("DROPPED");
        Assert.Equal(created.SessionId, answered.GetProperty("sessionId").GetString());
        Assert.Equal("+15550001", answered.GetProperty("callerId").GetString());
        Assert.Equal("+15550002", answered.GetProperty("dialedNumber").GetString());
        Assert.True(answered.TryGetProperty("answeredTime", out _));
        Assert.True(answered.TryGetProperty("offeredTime", out _));
        Assert.Equal("SUCCESS", collected.GetProperty("status").GetString());
        Assert.Equal("42", collected.GetProperty("digitsReceived").GetString());
        Assert.Equal(2, collected.GetProperty("numOfDigits").GetInt32());
        Assert.Equal("#", collected.GetProperty("terminationDigit").GetString());
        Assert.True(collected.TryGetProperty("transactionId", out var transaction) && transaction.GetString()!.Length > 0);
        Assert.Equal(("SUCCESS", "APPLICATION"), (dropped.GetProperty("status").GetString(), dropped.GetProperty("droppedBy").GetString()));
        Assert.All(events.Events, e => Assert.Equal("order-1234", e.GetProperty("correlationId").GetString()));
        Assert.All(events.Events, e => Assert.Equal(created.SessionId, e.GetProperty("sessionId").GetString()));
        Assert.Equal(["ANSWERED", "COLLECTED_DIGITS", "DROPPED"], events.Names);
    }

    [Fact]
    public async Task Play_WithoutInput_ReportsPlayed_AndAnAnswerWithNoActionEndsTheCall()
    {
        await using var callee = await SpeakingCallee.StartAsync(SpokenAudio.Silence(500));
        await using var events = await EventLog.StartAsync();
        events.Answer = (name, _) => name == "ANSWERED"
            ? (200, """{"action": "PLAY", "audio": [{"type": "TTS", "text": "Your parcel arrives tomorrow between nine and eleven.", "engine": "AZURE", "voice": "GuyNeural;Male"}]}""")
            : (200, null);
        await using var server = await TestServer.StartAsync(callee.Sipp.Uri);

        await MakeCallAsync(server, events);

        var played = await events.WaitForAsync("PLAYED");
        var dropped = await events.WaitForAsync("DROPPED");
        Assert.Equal("SUCCESS", played.GetProperty("status").GetString());
        Assert.InRange(played.GetProperty("playedDuration").GetInt32(), 2, 6);
        Assert.Equal(("SUCCESS", "APPLICATION", "2000"), Cause(dropped));
        Assert.Equal(["ANSWERED", "PLAYED", "DROPPED"], events.Names);
    }

    [Fact]
    public async Task AnAnswerThatIsNoValidAction_GetsAFailureNamingTheField_AndASecondEndsTheCall()
    {
        await using var callee = await SpeakingCallee.StartAsync(SpokenAudio.Silence(500));
        await using var events = await EventLog.StartAsync();
        events.Answer = (name, _) => name switch
        {
            "ANSWERED" => (200, """{"action": "PLAY", "audio": [{"type": "URL"}]}"""),
            "FAILURE" => (200, "this is not JSON"),
            _ => (200, null),
        };
        await using var server = await TestServer.StartAsync(callee.Sipp.Uri);

        await MakeCallAsync(server, events);

        var failure = await events.WaitForAsync("FAILURE");
        var dropped = await events.WaitForAsync("DROPPED");
        Assert.Equal("FAILURE", failure.GetProperty("status").GetString());
        Assert.Equal("audio[0].location", failure.GetProperty("field").GetString());
        Assert.Contains("audio[0].location", failure.GetProperty("reason").GetString());
        Assert.Equal(("FAILURE", "APPLICATION", "2005"), Cause(dropped));
        Assert.Equal(["ANSWERED", "FAILURE", "DROPPED"], events.Names);
    }

    [Fact]
    public async Task AnEventTheApplicationFailsToAnswer_EndsTheCall_WithOneDropped()
    {
        await using var callee = await SpeakingCallee.StartAsync(SpokenAudio.Silence(500));
        await using var events = await EventLog.StartAsync();
        events.Answer = (name, _) => name == "ANSWERED" ? (500, null) : (200, null);
        await using var server = await TestServer.StartAsync(callee.Sipp.Uri);

        await MakeCallAsync(server, events);

        var dropped = await events.WaitForAsync("DROPPED");
        Assert.Equal(("FAILURE", "APPLICATION", "2005"), Cause(dropped));
        Assert.Contains("HTTP 500", dropped.GetProperty("error").GetProperty("message").GetString());
        await Task.Delay(500);
        Assert.Single(events.Events, e => EventLog.Name(e) == "DROPPED");
    }

    [Fact]
    public async Task ACalleeWhoHangsUp_IsDroppedByTheCallee()
    {
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync("uas_answer_then_bye.xml", new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString() });
        await using var events = await EventLog.StartAsync();
        events.Answer = (name, _) => name == "ANSWERED"
            ? (200, """{"action": "PLAY", "collectInput": {"maxDigits": 4, "digitTimeout": 30}}""")
            : (200, null);
        await using var server = await TestServer.StartAsync(callee.Uri);

        await MakeCallAsync(server, events);

        var dropped = await events.WaitForAsync("DROPPED");
        Assert.Equal(("SUCCESS", "CALLEE", "2008"), Cause(dropped));
        Assert.Equal("Call Dropped by Network/End user", dropped.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(["ANSWERED", "DROPPED"], events.Names);
    }

    [Fact]
    public async Task MakeCall_WithABadField_Is400NamingIt_AndDialsNothing()
    {
        await using var events = await EventLog.StartAsync();
        await using var server = await TestServer.StartAsync("sip:127.0.0.1:9");

        var missing = await server.Client.PostAsJsonAsync("/v1/voice/calls", new { callerId = "+15550001", dialedNumber = "+15550002" });
        var badNumber = await server.Client.PostAsJsonAsync("/v1/voice/calls", new { callerId = "+15550001", dialedNumber = "call me", callbackUrl = events.CallbackUrl });
        var badRecord = await server.Client.PostAsJsonAsync("/v1/voice/calls", new { callerId = "+15550001", dialedNumber = "+15550002", callbackUrl = events.CallbackUrl, record = -1 });

        Assert.Equal(("callbackUrl", HttpStatusCode.BadRequest), (await FieldAsync(missing), missing.StatusCode));
        Assert.Equal(("dialedNumber", HttpStatusCode.BadRequest), (await FieldAsync(badNumber), badNumber.StatusCode));
        Assert.Equal(("record", HttpStatusCode.BadRequest), (await FieldAsync(badRecord), badRecord.StatusCode));
        var calls = await server.Client.GetFromJsonAsync<JsonElement>($"/v1/Accounts/{server.App.AccountSid}/Calls");
        Assert.Equal(0, calls.GetArrayLength());
        Assert.Empty(events.Events);
    }

    internal static (string? Status, string? DroppedBy, string? Code) Cause(JsonElement dropped) => (
        dropped.GetProperty("status").GetString(),
        dropped.GetProperty("droppedBy").GetString(),
        dropped.GetProperty("error").GetProperty("code").GetString());

    internal static async Task<(string SessionId, string? CorrelationId)> MakeCallAsync(TestServer server, EventLog events, string? correlationId = null, int? record = null)
    {
        var response = await server.Client.PostAsJsonAsync("/v1/voice/calls", new
        {
            callerId = "+15550001",
            dialedNumber = "+15550002",
            callbackUrl = events.CallbackUrl,
            correlationId,
            record,
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("sessionId").GetString()!, body.TryGetProperty("correlationId", out var id) ? id.GetString() : null);
    }

    private static async Task<string?> FieldAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString();
}
