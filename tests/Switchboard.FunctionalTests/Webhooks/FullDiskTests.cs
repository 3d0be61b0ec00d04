using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Switchboard.FunctionalTests.Peers;

namespace Switchboard.FunctionalTests.Webhooks;

/// <summary>
/// The data directory's disk fills up under the real server during live calls, then space returns: every call still
/// gets its final status exactly once, the store catches up without a restart, and meanwhile the node says it is not
/// ready and refuses new calls, asked for over the API or by an INVITE, with a 503 rather than losing them.
/// </summary>
public sealed class FullDiskTests
{
    private const int Calls = 3;
    private const string InboundNumber = "+15558880001";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task CallsEndedWhileTheDiskIsFull_GetTheirFinalStatusOnce_AndAreStoredWhenSpaceReturns()
    {
        await using var disk = await TmpfsDirectory.MountAsync(megabytes: 16);
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path == "/call" ? (200, """[{"verb": "pause", "length": 60}]""") : (200, null);
        var sinks = Enumerable.Range(0, Calls).Select(_ => RtpSink.Start()).ToArray();
        var callees = new List<SippProcess>();
        try
        {
            foreach (var sink in sinks)
            {
                callees.Add(await SippProcess.StartCalleeAsync("uas_answer_await_bye.xml", new Dictionary<string, string> { ["rtp_sink"] = sink.Port.ToString() }));
            }

            var data = Path.Combine(disk.Path, "data");
            await using var server = await ServerProcess.StartAsync(data, callees[0].Uri);
            var accounts = await server.Client.GetFromJsonAsync<JsonElement>("/v1/Accounts");
            var accountPath = $"/v1/Accounts/{accounts[0].GetProperty("account_sid").GetString()}";
            var callsPath = accountPath + "/Calls";
            await CreateInboundNumberAsync(server, accountPath, hooks);
            var sids = new List<string>();
            foreach (var callee in callees)
            {
                var created = await server.Client.PostAsJsonAsync(callsPath, CallRequest(hooks, callee));
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                sids.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sid").GetString()!);
            }

            foreach (var sid in sids)
            {
                await hooks.WaitForAsync(w => w.Path == "/status" && Sid(w) == sid && Status(w) == "in-progress", Patience);
            }

            await disk.FillAsync();
            foreach (var sid in sids)
            {
                Assert.Equal(HttpStatusCode.NoContent, (await server.Client.DeleteAsync($"{callsPath}/{sid}")).StatusCode);
            }

            // The final statuses go out from memory while the disk is full.
            foreach (var sid in sids)
            {
                await hooks.WaitForAsync(w => w.Path == "/status" && Sid(w) == sid && Status(w) == "completed", Patience);
            }

            var notReady = await server.Client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
            Assert.Contains("storage", await notReady.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var shown = await server.Client.GetFromJsonAsync<JsonElement>($"{callsPath}/{sids[0]}");
            Assert.Equal("completed", shown.GetProperty("call_status").GetString());

            // A call asked for now cannot be stored, so it is not placed: a 503 to try again, not a call that is lost.
            var refused = await server.Client.PostAsJsonAsync(callsPath, CallRequest(hooks, callees[0]));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(refused.Headers.RetryAfter);

            await using (var caller = await SippProcess.StartCallerAsync("uac_refused.xml", server.SipEndPoint, InboundNumber))
            {
                Assert.Equal(0, await caller.WaitForExitAsync(Patience));
                Assert.Contains("SIP/2.0 503 Service Unavailable", caller.Messages(), StringComparison.Ordinal);
                Assert.Matches(@"Retry-After: \d+\r?\n", caller.Messages());
            }

            disk.Free();
            await WaitUntilReadyAsync(server);

            // Stored without a restart: every call's row says completed and no final status is still owed.
            await using (var database = new SqliteConnection($"Data Source={Path.Combine(data, "switchboard.db")};Mode=ReadOnly;Pooling=False"))
            {
                await database.OpenAsync();
                foreach (var sid in sids)
                {
                    Assert.Equal("completed", await ScalarAsync(database, "SELECT status FROM calls WHERE sid = $sid", sid));
                }

                Assert.Equal(0L, await ScalarAsync(database, "SELECT COUNT(*) FROM webhook_calls", null));
            }

            // And a restart sends none of them again.
            Assert.Equal(0, await server.TerminateAsync(Patience));
            await using (await ServerProcess.StartAsync(data, callees[0].Uri))
            {
                await Task.Delay(1500);
            }

            foreach (var sid in sids)
            {
                Assert.Single(hooks.Received, w => w.Path == "/status" && Sid(w) == sid && Status(w) is "completed" or "failed");
            }
        }
        finally
        {
            foreach (var callee in callees)
            {
                await callee.DisposeAsync();
            }

            foreach (var sink in sinks)
            {
                await sink.DisposeAsync();
            }
        }
    }

    private static async Task CreateInboundNumberAsync(ServerProcess server, string accountPath, WebhookReceiver hooks)
    {
        var application = await server.Client.PostAsJsonAsync(
            accountPath + "/Applications", new { name = "front desk", call_hook = hooks.Url("/call"), call_status_hook = hooks.Url("/status") });
        Assert.Equal(HttpStatusCode.Created, application.StatusCode);
        var applicationSid = (await application.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sid").GetString();
        var number = await server.Client.PostAsJsonAsync(accountPath + "/PhoneNumbers", new { number = InboundNumber, application_sid = applicationSid });
        Assert.Equal(HttpStatusCode.Created, number.StatusCode);
    }

    private static async Task WaitUntilReadyAsync(ServerProcess server)
    {
        var deadline = DateTime.UtcNow + Patience;
        while ((await server.Client.GetAsync("/health/ready")).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, "the server did not become ready after space returned: " + server.Output);
            await Task.Delay(100);
        }
    }

    private static async Task<object?> ScalarAsync(SqliteConnection database, string sql, string? sid)
    {
        await using var command = database.CreateCommand();
        command.CommandText = sql;
        if (sid is not null)
        {
            command.Parameters.AddWithValue("$sid", sid);
        }

        return await command.ExecuteScalarAsync();
    }

    private static JsonObject CallRequest(WebhookReceiver hooks, SippProcess callee) => new()
    {
        ["call_hook"] = hooks.Url("/call"),
        ["call_status_hook"] = hooks.Url("/status"),
        ["from"] = "+15550001",
        ["to"] = new JsonObject { ["type"] = "sip", ["sipUri"] = $"sip:+15550002@127.0.0.1:{callee.Port}" },
    };

    private static string? Sid(ReceivedWebhook webhook) => webhook.Body.GetProperty("call_sid").GetString();

    private static string? Status(ReceivedWebhook webhook) => webhook.Body.GetProperty("call_status").GetString();
}
