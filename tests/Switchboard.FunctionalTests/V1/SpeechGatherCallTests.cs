using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Switchboard.FunctionalTests.Peers;
using Switchboard.Testing.Http;

namespace Switchboard.FunctionalTests.V1;

/// <summary>
/// Speech input on real calls: a SIPp callee plays words espeak-ng spoke (a capture made at test time, over PCMA as a
/// phone line carries them), the offline recognizer hears them, and the application's <c>gather</c> actionHook gets
/// the transcript as jambonz sends it; a callee that says nothing gets <c>timeout</c>.
/// </summary>
public sealed class SpeechGatherCallTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    // The callee starts speaking this long after its ACK. Before the gather listens, Switchboard fetches the call hook
    // and starts the verb, which on a loaded machine (every suite running at once) can take over a second; words
    // spoken before that are rightly not heard, so the callee waits long enough that the test never races it.
    private static readonly short[] LeadIn = SpokenAudio.Silence(2000);

    [Fact]
    public async Task SpokenWords_ReachTheGathersActionHook_AsJambonzSendsThem()
    {
        short[] says = [.. LeadIn, .. await SpokenAudio.SpeakAsync("support"), .. SpokenAudio.Silence(3000)];
        await using var call = await SpeechCall.StartAsync(says, """
            [{"verb": "gather", "input": ["speech"], "actionHook": "/gather", "timeout": 10,
              "recognizer": {"vendor": "pocketsphinx", "language": "en-US", "hints": ["sales", "support", "billing"]}},
             {"verb": "say", "text": "nothing was heard"}]
            """);

        var gathered = await call.Hooks.WaitForAsync(w => w.Path == "/gather", Patience);

        Assert.Equal("speechDetected", gathered.Body.GetProperty("reason").GetString());
        var speech = gathered.Body.GetProperty("speech");
        Assert.Equal("en-US", speech.GetProperty("language_code").GetString());
        Assert.True(speech.GetProperty("is_final").GetBoolean());
        var best = speech.GetProperty("alternatives")[0];
        Assert.Equal("support", best.GetProperty("transcript").GetString());
        Assert.InRange(best.GetProperty("confidence").GetDouble(), 0, 1);
        Assert.Equal(call.Sid, gathered.Body.GetProperty("call_sid").GetString());
        await call.Hooks.WaitForAsync(w => w.Path == "/status" && w.Body.GetProperty("call_status").GetString() == "completed", Patience);
    }

    [Fact]
    public async Task ACalleeWhoSaysNothing_GetsTimeout()
    {
        // Half a second of silence, then the callee sends no RTP at all: the quiet still counts.
        await using var call = await SpeechCall.StartAsync(SpokenAudio.Silence(500), """
            [{"verb": "gather", "input": ["digits", "speech"], "actionHook": "/gather", "timeout": 2}]
            """);

        var gathered = await call.Hooks.WaitForAsync(w => w.Path == "/gather", Patience);

        Assert.Equal("timeout", gathered.Body.GetProperty("reason").GetString());
        Assert.False(gathered.Body.TryGetProperty("speech", out _));
        await call.Hooks.WaitForAsync(w => w.Path == "/status" && w.Body.GetProperty("call_status").GetString() == "completed", Patience);
    }

    [Fact]
    public async Task Transcribe_PostsEachUtterance_ToItsTranscriptionHook()
    {
        short[] says =
        [
            .. LeadIn, .. await SpokenAudio.SpeakAsync("yes"), .. SpokenAudio.Silence(1500),
            .. await SpokenAudio.SpeakAsync("no"), .. SpokenAudio.Silence(1500),
        ];
        await using var call = await SpeechCall.StartAsync(says, """
            [{"verb": "transcribe", "transcriptionHook": "/transcript", "recognizer": {"hints": ["yes", "no"]}}]
            """);

        var first = await call.Hooks.WaitForAsync(w => w.Path == "/transcript", Patience);
        var second = await call.Hooks.WaitForAsync(w => w.Path == "/transcript" && !ReferenceEquals(w, first), Patience);

        Assert.Equal(["yes", "no"], new[] { first, second }.Select(w => w.Body.GetProperty("speech").GetProperty("alternatives")[0].GetProperty("transcript").GetString()));
    }

    [Fact]
    public async Task AnOpenAiCompatibleServer_GetsTheUtterance_AndItsTextReachesTheHook()
    {
        await using var whisper = ScriptedHttpServer.Answering(ScriptedHttpAnswer.Json(200, """{"text": " I would like to pay my bill. "}"""));
        short[] says = [.. LeadIn, .. await SpokenAudio.SpeakAsync("I would like to pay my bill"), .. SpokenAudio.Silence(3000)];
        await using var call = await SpeechCall.StartAsync(
            says,
            """[{"verb": "gather", "input": ["speech"], "actionHook": "/gather", "recognizer": {"vendor": "openai", "label": "whisper"}}]""",
            server => AddCredentialAsync(server, whisper.Url));

        var gathered = await call.Hooks.WaitForAsync(w => w.Path == "/gather", Patience);

        Assert.Equal("speechDetected", gathered.Body.GetProperty("reason").GetString());
        Assert.Equal("I would like to pay my bill.", gathered.Body.GetProperty("speech").GetProperty("alternatives")[0].GetProperty("transcript").GetString());
        var sent = Assert.Single(whisper.Received);
        Assert.Equal(("POST", "/v1/audio/transcriptions"), (sent.Method, sent.Target));
        Assert.Equal("Bearer sk-test-123", sent.Header("Authorization"));
        Assert.Contains("name=\"model\"\r\n\r\nsmall.en", Encoding.UTF8.GetString(sent.Body));
    }

    [Fact]
    public async Task AnEngineThatFails_EndsTheGatherWithError_AndTheCallGoesOn()
    {
        await using var whisper = ScriptedHttpServer.Answering(ScriptedHttpAnswer.Json(500, """{"error": {"message": "the model is overloaded"}}"""));
        short[] says = [.. LeadIn, .. await SpokenAudio.SpeakAsync("billing"), .. SpokenAudio.Silence(3000)];
        await using var call = await SpeechCall.StartAsync(
            says,
            """[{"verb": "gather", "input": ["speech"], "actionHook": "/gather", "recognizer": {"vendor": "openai", "label": "whisper"}}]""",
            server => AddCredentialAsync(server, whisper.Url));

        var gathered = await call.Hooks.WaitForAsync(w => w.Path == "/gather", Patience);

        Assert.Equal("error", gathered.Body.GetProperty("reason").GetString());
        Assert.Contains("the model is overloaded", gathered.Body.GetProperty("details").GetString());
        // The action hook's answer (hang up) still runs: the call ends completed, not failed or stranded.
        await call.Hooks.WaitForAsync(w => w.Path == "/status" && w.Body.GetProperty("call_status").GetString() == "completed", Patience);
    }

    [Fact]
    public async Task AnUnknownRecognizerVendor_Is400NamingTheField()
    {
        await using var server = await TestServer.StartAsync("sip:127.0.0.1:9");

        var response = await server.Client.PostAsJsonAsync($"/v1/Accounts/{server.App.AccountSid}/Calls", new
        {
            call_hook = "http://127.0.0.1:9/call",
            from = "+15550001",
            to = new { type = "phone", number = "+15550002" },
            speech_recognizer_vendor = "acme-asr",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("speech_recognizer_vendor", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }

    private static async Task AddCredentialAsync(TestServer server, Uri baseUrl)
    {
        var response = await server.Client.PostAsJsonAsync($"/v1/Accounts/{server.App.AccountSid}/SpeechCredentials", new
        {
            vendor = "openai",
            label = "whisper",
            api_key = "sk-test-123",
            base_url = baseUrl.ToString().TrimEnd('/'),
            model = "small.en",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>A placed call to a <see cref="SpeakingCallee"/> whose application is <c>verbs</c>; every action hook hangs up.</summary>
    private sealed class SpeechCall : IAsyncDisposable
    {
        private readonly SpeakingCallee _callee;
        private readonly TestServer _server;

        private SpeechCall(SpeakingCallee callee, WebhookReceiver hooks, TestServer server, string sid)
        {
            _callee = callee;
            Hooks = hooks;
            _server = server;
            Sid = sid;
        }

        public WebhookReceiver Hooks { get; }

        public string Sid { get; }

        /// <param name="prepare">Runs on the server before the call is placed (a speech credential to add).</param>
        public static async Task<SpeechCall> StartAsync(short[] audio, string verbs, Func<TestServer, Task>? prepare = null)
        {
            var callee = await SpeakingCallee.StartAsync(audio);
            var hooks = await WebhookReceiver.StartAsync();
            hooks.Respond = webhook => webhook.Path switch
            {
                "/call" => (200, verbs),
                "/gather" => (200, """[{"verb": "hangup"}]"""),
                _ => (200, null),
            };
            var server = await TestServer.StartAsync(callee.Sipp.Uri);
            if (prepare is not null)
            {
                await prepare(server);
            }

            var response = await server.Client.PostAsJsonAsync($"/v1/Accounts/{server.App.AccountSid}/Calls", new JsonObject
            {
                ["call_hook"] = hooks.Url("/call"),
                ["call_status_hook"] = hooks.Url("/status"),
                ["from"] = "+15550001",
                ["to"] = new JsonObject { ["type"] = "sip", ["sipUri"] = callee.SipUri("+15550002") },
                ["timeLimit"] = 30,
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var sid = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sid").GetString()!;
            return new SpeechCall(callee, hooks, server, sid);
        }

        public async ValueTask DisposeAsync()
        {
            await _server.DisposeAsync();
            await Hooks.DisposeAsync();
            await _callee.DisposeAsync();
        }
    }
}
