using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Switchboard.FunctionalTests.Peers;

namespace Switchboard.FunctionalTests.V1;

/// <summary>
/// A jambonz application written with jambonz's own client library runs unchanged against Switchboard: every
/// webhook passes the library's signature check (which re-serialises the parsed body, so the body must be written as
/// <c>JSON.stringify</c> writes it: a plain <c>+</c>, non-ASCII as itself), and the verbs its WebhookResponse built run
/// on a real call to a SIPp callee that presses 1; the gather's actionHook answers as Express's <c>sendStatus(200)</c> does
/// (<c>OK</c> as text), which carries no verbs, so the call goes on with those after the gather and ends completed.
/// </summary>
public sealed class JambonzClientTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task AnIvrWrittenWithNodeClient_VerifiesEveryWebhook_AndRuns()
    {
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync("uas_answer_dtmf.xml", new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString() });
        await using var server = await TestServer.StartAsync(callee.Uri);
        var secret = (await server.Client.GetFromJsonAsync<JsonElement>($"/v1/Accounts/{server.App.AccountSid}/WebhookSecret")).GetProperty("webhook_secret").GetString()!;
        await using var app = await JambonzApp.StartAsync(secret);

        var response = await server.Client.PostAsJsonAsync($"/v1/Accounts/{server.App.AccountSid}/Calls", new JsonObject
        {
            ["call_hook"] = app.Url("/call"),
            ["call_status_hook"] = app.Url("/status"),
            ["from"] = "+15550001",
            ["to"] = new JsonObject { ["type"] = "phone", ["number"] = "+15550002" },
            ["tag"] = new JsonObject { ["customer"] = "Zoë Ångström", ["note"] = "café <ok> & 'quoted' \"twice\"" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var menu = await app.WaitForAsync(line => Path(line) == "/menu", Patience);
        await app.WaitForAsync(line => Path(line) == "/status" && line.GetProperty("body").GetProperty("call_status").GetString() == "completed", Patience);

        Assert.Equal("1", menu.GetProperty("body").GetProperty("digits").GetString());
        Assert.Equal("Zoë Ångström", menu.GetProperty("body").GetProperty("customerData").GetProperty("customer").GetString());
        Assert.Equal("+15550001", menu.GetProperty("body").GetProperty("from").GetString());
        Assert.DoesNotContain(app.Lines, line => line.TryGetProperty("error", out _));
        Assert.Contains(app.Lines, line => Path(line) == "/call");
    }

    private static string? Path(JsonElement line) => line.TryGetProperty("path", out var path) ? path.GetString() : null;
}
