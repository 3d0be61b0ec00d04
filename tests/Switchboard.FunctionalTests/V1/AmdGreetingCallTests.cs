using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Switchboard.FunctionalTests.Peers;
using Switchboard.Testing.Http;

namespace Switchboard.FunctionalTests.V1;

/// <summary>
/// Answering-machine detection with a <c>recognizer</c>: a SIPp callee plays an espeak-ng voicemail greeting, the
/// decision's post carries what an OpenAI-compatible engine (a scripted server) heard of it, as jambonz's
/// <c>greeting</c>, <c>language</c> and <c>hint</c>; an engine that fails costs the words and is reported as
/// <c>amd_error</c>.
/// </summary>
public sealed class AmdGreetingCallTests
{
    private const string Voicemail =
        "Hi, you have reached the voicemail of John Smith. I am sorry I cannot take your call right now. "
        + "Please leave your name, your number and a short message after the tone.";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task AMachinesGreeting_IsRecognised_AndItsVoicemailPhraseIsTheHint()
    {
        await using var whisper = ScriptedHttpServer.Answering(ScriptedHttpAnswer.Json(200, """{"text": " Hi, you have reached the voicemail of John Smith. "}"""));
        await using var call = await GreetingCall.StartAsync(whisper.Url, hangUpOn: "amd_machine_detected");

        var machine = await call.Hooks.WaitForAsync(w => w.Path == "/amd", Patience);
        await call.Hooks.WaitForAsync(w => w.Path == "/status" && w.Body.GetProperty("call_status").GetString() == "completed", Patience);

        var body = machine.Body;
        Assert.Equal(("amd_machine_detected", "hint", "voicemail"), (Text(body, "type"), Text(body, "reason"), Text(body, "hint")));
        Assert.Equal("Hi, you have reached the voicemail of John Smith.", Text(body, "greeting"));
        Assert.Equal("en-US", Text(body, "language"));
        var sent = Assert.Single(whisper.Received);
        Assert.Equal(("POST", "/v1/audio/transcriptions"), (sent.Method, sent.Target));
    }

    [Fact]
    public async Task AnEngineThatFails_LeavesTheDecision_AndPostsAnAmdError()
    {
        await using var whisper = ScriptedHttpServer.Answering(ScriptedHttpAnswer.Json(500, """{"error": {"message": "the model is overloaded"}}"""));
        await using var call = await GreetingCall.StartAsync(whisper.Url, hangUpOn: "amd_error");

        var error = await call.Hooks.WaitForAsync(w => w.Path == "/amd" && Text(w.Body, "type") == "amd_error", Patience);
        await call.Hooks.WaitForAsync(w => w.Path == "/status" && w.Body.GetProperty("call_status").GetString() == "completed", Patience);

        var machine = call.Hooks.Received.First(w => w.Path == "/amd").Body;
        Assert.Equal(("amd_machine_detected", "long greeting"), (Text(machine, "type"), Text(machine, "reason")));
        Assert.False(machine.TryGetProperty("greeting", out _));
        Assert.Contains("the model is overloaded", Text(error.Body, "error"));
    }

    private static string? Text(JsonElement body, string name) => body.GetProperty(name).GetString();

    /// <summary>A placed call with <c>amd</c> and an OpenAI-compatible recognizer to a callee that plays the voicemail greeting.</summary>
    private sealed class GreetingCall : IAsyncDisposable
    {
        private readonly SpeakingCallee _callee;
        private readonly TestServer _server;

        private GreetingCall(SpeakingCallee callee, WebhookReceiver hooks, TestServer server)
        {
            _callee = callee;
            Hooks = hooks;
            _server = server;
        }

        public WebhookReceiver Hooks { get; }

        /// <param name="hangUpOn">The amd event type whose post is answered with a hang-up.</param>
        public static async Task<GreetingCall> StartAsync(Uri recognizerUrl, string hangUpOn)
        {
            short[] greeting = [.. SpokenAudio.Silence(1000), .. await SpokenAudio.SpeakAsync(Voicemail), .. SpokenAudio.Silence(3000)];
            var callee = await SpeakingCallee.StartAsync(greeting);
            var hooks = await WebhookReceiver.StartAsync();
            hooks.Respond = webhook => webhook.Path switch
            {
                "/call" => (200, """[{"verb": "pause", "length": 60}, {"verb": "hangup"}]"""),
                "/amd" when webhook.Body.GetProperty("type").GetString() == hangUpOn => (200, """[{"verb": "hangup"}]"""),
                _ => (200, null),
            };
            var server = await TestServer.StartAsync(callee.Sipp.Uri);
            var credential = await server.Client.PostAsJsonAsync($"/v1/Accounts/{server.App.AccountSid}/SpeechCredentials", new
            {
                vendor = "openai",
                label = "whisper",
                api_key = "sk-test-123",
                base_url = recognizerUrl.ToString().TrimEnd('/'),
                model = "small.en",
            });
            Assert.Equal(HttpStatusCode.Created, credential.StatusCode);
            var response = await server.Client.PostAsJsonAsync($"/v1/Accounts/{server.App.AccountSid}/Calls", new JsonObject
            {
                ["call_hook"] = hooks.Url("/call"),
                ["call_status_hook"] = hooks.Url("/status"),
                ["from"] = "+15550001",
                ["to"] = new JsonObject { ["type"] = "sip", ["sipUri"] = callee.SipUri("+15550002") },
                ["amd"] = new JsonObject
                {
                    ["actionHook"] = hooks.Url("/amd"),
                    ["recognizer"] = new JsonObject { ["vendor"] = "openai", ["label"] = "whisper" },
                },
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return new GreetingCall(callee, hooks, server);
        }

        public async ValueTask DisposeAsync()
        {
            await _server.DisposeAsync();
            await Hooks.DisposeAsync();
            await _callee.DisposeAsync();
        }
    }
}
