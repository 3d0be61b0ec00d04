using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Switchboard.FunctionalTests.Peers;

namespace Switchboard.FunctionalTests.V1;

/// <summary>
/// Answering-machine detection on placed calls (seed 003's <c>amd</c>): a SIPp callee plays espeak-ng speech the
/// test rendered to a capture, the events reach <c>amd.actionHook</c>, and the hook's verbs take over the call.
/// </summary>
public sealed class AmdCallTests
{
    private const string Voicemail =
        "Hi, you have reached the voicemail of John Smith. I am sorry I cannot take your call right now. "
        + "Please leave your name, your number and a short message after the tone, and I will get back to you as soon as I can.";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task AMachineGreetingThenABeep_IsReportedInOrder_AndTheToneHooksVerbsLeaveTheMessage()
    {
        short[] greeting = [.. await SpokenAudio.SpeakAsync(Voicemail), .. SpokenAudio.Silence(2500), .. SpokenAudio.Tone(1000, 500), .. SpokenAudio.Silence(4000)];
        await using var call = await AmdCall.StartAsync(greeting, amd => amd switch
        {
            "amd_tone_detected" => """[{"verb": "say", "text": "Hello, this is a reminder of your appointment tomorrow."}, {"verb": "hangup"}]""",
            _ => null,
        });

        var completed = await call.Hooks.WaitForAsync(w => w.Path == "/status" && Status(w) == "completed", Patience);

        var events = call.Hooks.Received.Where(w => w.Path == "/amd").Select(w => w.Body).ToList();
        Assert.Equal(["amd_machine_detected", "amd_machine_stopped_speaking", "amd_tone_detected"], events.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal("long greeting", events[0].GetProperty("reason").GetString());
        Assert.All(events, e => Assert.Equal(call.Sid, e.GetProperty("call_sid").GetString()));
        // The application's own verbs would pause for 60 s; the tone's answer said the message and hung up.
        Assert.InRange(completed.Body.GetProperty("duration").GetInt32(), 10, 30);
        Assert.Equal(0, await call.Callee.WaitForExitAsync(Patience));
    }

    [Fact]
    public async Task AShortHelloThenSilence_IsAHuman_EvenWhenTheCalleeSendsNothingAfterIt()
    {
        // The capture ends with "Hello?": like a phone with voice activity detection, the callee then sends no RTP at all.
        var hello = await SpokenAudio.SpeakAsync("Hello?");
        await using var call = await AmdCall.StartAsync(hello, amd => amd == "amd_human_detected" ? """[{"verb": "hangup"}]""" : null);

        var completed = await call.Hooks.WaitForAsync(w => w.Path == "/status" && Status(w) == "completed", Patience);

        var human = Assert.Single(call.Hooks.Received, w => w.Path == "/amd").Body;
        Assert.Equal("amd_human_detected", human.GetProperty("type").GetString());
        Assert.Equal("short greeting", human.GetProperty("reason").GetString());
        Assert.InRange(completed.Body.GetProperty("duration").GetInt32(), 0, 10);
        Assert.Equal(0, await call.Callee.WaitForExitAsync(Patience));
    }

    [Fact]
    public async Task Amd_WithTimersThatContradictEachOther_Is400NamingTheField()
    {
        await using var server = await TestServer.StartAsync("sip:127.0.0.1:9");

        var response = await server.Client.PostAsJsonAsync($"/v1/Accounts/{server.App.AccountSid}/Calls", new
        {
            call_hook = "http://127.0.0.1:9/call",
            from = "+15550001",
            to = new { type = "phone", number = "+15550002" },
            amd = new { actionHook = "http://127.0.0.1:9/amd", timers = new { noSpeechTimeoutMs = 9000, decisionTimeoutMs = 3000 } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("amd.timers.noSpeechTimeoutMs", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }

    private static string? Status(ReceivedWebhook webhook) => webhook.Body.GetProperty("call_status").GetString();

    /// <summary>A call with <c>amd</c> to a SIPp callee that plays <c>audio</c>; its own verbs would only pause.</summary>
    private sealed class AmdCall : IAsyncDisposable
    {
        private readonly SpeakingCallee _callee;
        private TestServer? _server;

        private AmdCall(SpeakingCallee callee, WebhookReceiver hooks)
        {
            _callee = callee;
            Hooks = hooks;
        }

        public SippProcess Callee => _callee.Sipp;

        public WebhookReceiver Hooks { get; }

        public string Sid { get; private set; } = "";

        /// <param name="audio">What the callee says, 8 kHz.</param>
        /// <param name="answer">The amd hook's answer for an event type (null: 200 without a body).</param>
        public static async Task<AmdCall> StartAsync(short[] audio, Func<string, string?> answer)
        {
            var callee = await SpeakingCallee.StartAsync(audio);
            var hooks = await WebhookReceiver.StartAsync();
            hooks.Respond = webhook => webhook.Path switch
            {
                "/call" => (200, """[{"verb": "pause", "length": 60}, {"verb": "hangup"}]"""),
                "/amd" => (200, answer(webhook.Body.GetProperty("type").GetString()!)),
                _ => (200, null),
            };
            var call = new AmdCall(callee, hooks);
            call._server = await TestServer.StartAsync(callee.Sipp.Uri);
            var response = await call._server.Client.PostAsJsonAsync($"/v1/Accounts/{call._server.App.AccountSid}/Calls", new JsonObject
            {
                ["call_hook"] = hooks.Url("/call"),
                ["call_status_hook"] = hooks.Url("/status"),
                ["from"] = "+15550001",
                ["to"] = new JsonObject { ["type"] = "sip", ["sipUri"] = callee.SipUri("+15550002") },
                ["amd"] = new JsonObject { ["actionHook"] = hooks.Url("/amd") },
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            call.Sid = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sid").GetString()!;
            return call;
        }

        public async ValueTask DisposeAsync()
        {
            if (_server is not null)
            {
                await _server.DisposeAsync();
            }

            await Hooks.DisposeAsync();
            await _callee.DisposeAsync();
        }
    }
}
