using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Switchboard.Api.Callback;
using Switchboard.Api.Conversation;
using Switchboard.FunctionalTests.Peers;
using Switchboard.Storage.Callbacks;
using Switchboard.Storage.Calls;
using Switchboard.Storage.Sqlite;
using Switchboard.Storage.Webhooks;

namespace Switchboard.FunctionalTests.Webhooks;

/// <summary>
/// <c>kill -9</c> of the real server process during a call, then a restart on the same data: the call shows as
/// ended and its final status reaches the application exactly once, also across a second crash and restart.
/// </summary>
public sealed class CrashRecoveryTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task KilledDuringACall_TheRestartedServerEndsIt_AndDeliversItsFinalStatusOnce()
    {
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync("uas_answer_dtmf.xml", new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString() });
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path == "/call" ? (200, """[{"verb": "pause", "length": 60}]""") : (200, null);
        var data = Path.Combine(Path.GetTempPath(), "switchboard-tests", Guid.NewGuid().ToString("N"));
        try
        {
            string sid;
            string accountSid;
            await using (var first = await ServerProcess.StartAsync(data, callee.Uri))
            {
                accountSid = await AccountSidAsync(first);
                var created = await first.Client.PostAsJsonAsync($"/v1/Accounts/{accountSid}/Calls", CallRequest(hooks, callee));
                sid = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sid").GetString()!;
                await hooks.WaitForAsync(w => w.Path == "/status" && Status(w) == "in-progress", Patience);
                // Past the at-least-once window (the receiver said 200, the server has not yet noted it), so the
                // event list below is exact; the final status has no such window: it is owed, not yet sent.
                await Task.Delay(500);

                await first.KillAsync();
            }

            Assert.DoesNotContain(hooks.Received, w => w.Path == "/status" && IsFinal(w));
            await using (var second = await ServerProcess.StartAsync(data, callee.Uri))
            {
                var final = await hooks.WaitForAsync(w => w.Path == "/status" && IsFinal(w), Patience);
                Assert.Equal("failed", Status(final));
                Assert.Equal("server restarted", final.Body.GetProperty("sip_reason").GetString());
                Assert.Equal(sid, final.Body.GetProperty("call_sid").GetString());
                Assert.True(final.Headers.ContainsKey("Switchboard-Signature"));

                var call = await second.Client.GetFromJsonAsync<JsonElement>($"/v1/Accounts/{accountSid}/Calls/{sid}");
                Assert.Equal("failed", call.GetProperty("call_status").GetString());
                Assert.Equal(JsonValueKind.String, call.GetProperty("ended_at").ValueKind);

                // A second crash right after must not send it again.
                await Task.Delay(300);
                await second.KillAsync();
            }

            await using (var third = await ServerProcess.StartAsync(data, callee.Uri))
            {
                await Task.Delay(1000);
            }

            Assert.Single(hooks.Received, w => w.Path == "/status" && IsFinal(w));
            Assert.Equal(["trying", "ringing", "in-progress", "failed"], hooks.Received.Where(w => w.Path == "/status").Select(Status));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task AConversationLeftLive_GetsItsFinalCallbackOnce_WithTheConversationsIds()
    {
        await using var hooks = await WebhookReceiver.StartAsync();

        await AcrossTwoRestartsAsync(
            async (database, accountSid) =>
            {
                // What a process killed mid-call leaves: the call stored in progress and its final callback owed.
                var now = DateTimeOffset.UtcNow;
                await new SqliteCallStore(database).InsertAsync(
                    new CallRecord("call-left-live", accountSid, "outbound", "+15550001", "+15550002", "abc@127.0.0.1", "in-progress", 200, now.AddSeconds(-10), now.AddSeconds(-8), null),
                    default);
                var state = JsonSerializer.Serialize(
                    new ConversationSinkState("tracking-7", new Uri(hooks.Url("/status")), null, CallbackStrategy.OnCompletion),
                    ConversationJsonContext.Default.ConversationSinkState);
                await new SqliteWebhookOutboxStore(database).OweFinalStatusAsync(new OwedFinalStatus("call-left-live", accountSid, ConversationEventSink.DialectName, state, now), default);
            },
            async server =>
            {
                var final = await hooks.WaitForAsync(w => w.Path == "/status", Patience);
                Assert.Equal("Failed", final.Body.GetProperty("status").GetProperty("name").GetString());
                Assert.Equal("tracking-7", final.Body.GetProperty("conversationTrackingId").GetString());
                Assert.Equal("call-left-live", final.Body.GetProperty("messageId").GetString());
                Assert.True(SignatureCheck.IsSignedWith(final, await SignatureCheck.SecretAsync(server)));
            });

        Assert.Single(hooks.Received);
    }

    [Fact]
    public async Task ACallbackSessionLeftLive_EndsFailed_AndGetsItsFinalEventOnce()
    {
        await using var hooks = await WebhookReceiver.StartAsync();

        await AcrossTwoRestartsAsync(
            async (database, accountSid) =>
            {
                // What a process killed while leg_A was up and leg_B ringing leaves: the session and both legs live,
                // the session's final event owed under the leg that was heard from first.
                var now = DateTimeOffset.UtcNow;
                var calls = new SqliteCallStore(database);
                await calls.InsertAsync(new CallRecord("leg-a", accountSid, "outbound", "+15550002", "+15550001", "a@127.0.0.1", "in-progress", 200, now.AddSeconds(-10), now.AddSeconds(-8), null), default);
                await calls.InsertAsync(new CallRecord("leg-b", accountSid, "outbound", "+15550001", "+15550002", "b@127.0.0.1", "ringing", null, now.AddSeconds(-7), null, null) { ParentCallSid = "leg-a" }, default);
                await new SqliteCallbackSessionStore(database).InsertAsync(
                    new CallbackSessionRecord("session-7", accountSid, "sequential", "leg_A", "leg-a", "+15550001", "+15550002", "leg-b", "+15550002", "+15550001", "CallingSecond", now.AddSeconds(-10)),
                    default);
                var state = JsonSerializer.Serialize(
                    new CallbackSinkState("session-7", "leg-a", "leg-b", new Uri(hooks.Url("/events")), null, CallbackStrategy.OnChange),
                    CallbackJsonContext.Default.CallbackSinkState);
                await new SqliteWebhookOutboxStore(database).OweFinalStatusAsync(new OwedFinalStatus("leg-a", accountSid, CallbackLegStatusSink.DialectName, state, now), default);
            },
            async server =>
            {
                var final = await hooks.WaitForAsync(w => w.Path == "/events", Patience);
                Assert.Equal("session-7", final.Body.GetProperty("sid").GetString());
                Assert.Equal("Failed", final.Body.GetProperty("event").GetString());
                Assert.Equal("server restarted", final.Body.GetProperty("reason").GetString());
                Assert.Equal("leg-a", final.Body.GetProperty("legs").GetProperty("leg_A").GetProperty("sid").GetString());
                Assert.Equal("Failed", final.Body.GetProperty("legs").GetProperty("leg_B").GetProperty("status").GetString());
                Assert.True(SignatureCheck.IsSignedWith(final, await SignatureCheck.SecretAsync(server)));

                var session = await server.Client.GetFromJsonAsync<JsonElement>("/voice/call/callback/session-7");
                Assert.Equal("Failed", session.GetProperty("status").GetString());
                Assert.Equal("server restarted", session.GetProperty("reason").GetString());
            });

        Assert.Single(hooks.Received);
    }

    /// <summary>
    /// Starts a server on fresh data (schema and account), lets <paramref name="leaveBehind"/> write what a killed
    /// process leaves, starts again (recovery runs) and checks with <paramref name="afterRestart"/>, then starts a
    /// third time so a second recovery can show it sends nothing again.
    /// </summary>
    private static async Task AcrossTwoRestartsAsync(Func<SqliteDatabase, string, Task> leaveBehind, Func<TestServer, Task> afterRestart)
    {
        var data = Path.Combine(Path.GetTempPath(), "switchboard-tests", Guid.NewGuid().ToString("N"));
        try
        {
            string accountSid;
            await using (var first = await TestServer.StartAsync(null, dataDirectory: data))
            {
                accountSid = first.App.AccountSid;
            }

            await leaveBehind(await SqliteDatabase.OpenAsync(Path.Combine(data, "switchboard.db"), default), accountSid);
            await using (var second = await TestServer.StartAsync(null, dataDirectory: data))
            {
                await afterRestart(second);
                await Task.Delay(300);
            }

            await using (var third = await TestServer.StartAsync(null, dataDirectory: data))
            {
                await Task.Delay(500);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<string> AccountSidAsync(ServerProcess server)
    {
        var accounts = await server.Client.GetFromJsonAsync<JsonElement>("/v1/Accounts");
        return accounts.EnumerateArray().Single(a => a.GetProperty("name").GetString() == "default").GetProperty("account_sid").GetString()!;
    }

    private static JsonObject CallRequest(WebhookReceiver hooks, SippProcess callee) => new()
    {
        ["call_hook"] = hooks.Url("/call"),
        ["call_status_hook"] = hooks.Url("/status"),
        ["from"] = "+15550001",
        ["to"] = new JsonObject { ["type"] = "sip", ["sipUri"] = $"sip:+15550002@127.0.0.1:{callee.Port}" },
    };

    private static string? Status(ReceivedWebhook webhook) => webhook.Body.GetProperty("call_status").GetString();

    private static bool IsFinal(ReceivedWebhook webhook) => Status(webhook) is "completed" or "failed" or "busy" or "no-answer";
}
