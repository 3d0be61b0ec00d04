using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Switchboard.FunctionalTests.Peers;

namespace Switchboard.FunctionalTests.Conversation;

/// <summary>
/// Escalations (a Switchboard extension of the Conversation API) on real calls: one SIPp callee takes every attempt
/// in turn and answers each its own way (busy, ringing out, silent, pressing 2 or 1), chosen by the call's number.
/// </summary>
public sealed partial class EscalationTests
{
    private const string First = "+306970000001";
    private const string Second = "+306970000002";
    private const string Third = "+306970000003";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Escalation_BusyTwiceSilentOnce_ThenARejection_ThenAcceptedOnTheSecondTry_PostsExactlyThat()
    {
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync(Behaviours(busy: "^(1|2)$", ring: "^5$", reject: "^4$", accept: "^6$"), new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString() }, calls: 6);
        await using var hooks = await WebhookReceiver.StartAsync();
        await using var server = await TestServer.StartAsync(callee.Uri);

        var response = await server.Client.PostAsJsonAsync("/voice/conversation", Request(hooks, [Second, Third], attempts: 3, retryAfter: 1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var trackingId = created.GetProperty("conversationTrackingId").GetString()!;
        var final = await hooks.WaitForAsync(w => OutcomeName(w) is "Accepted" or "NoAnswer", Patience);
        Assert.Equal("Accepted", OutcomeName(final));
        Assert.Equal(trackingId, final.Body.GetProperty("conversationTrackingId").GetString());
        Assert.Equal((Third, 2), (final.Body.GetProperty("recipient").GetString(), final.Body.GetProperty("attempt").GetInt32()));
        string[] expected = [$"{First} 1 Busy", $"{First} 2 Busy", $"{First} 3 NoInput", $"{Second} 1 Rejected", $"{Third} 1 NoAnswer", $"{Third} 2 Accepted"];
        Assert.Equal(expected, Attempts(final.Body));
        Assert.Equal(created.GetProperty("trackingId").GetString(), final.Body.GetProperty("attempts")[0].GetProperty("messageId").GetString());

        Assert.Equal(0, await callee.WaitForExitAsync(Patience));
        await Task.Delay(500);
        var outcomes = hooks.Received.Where(w => OutcomeName(w) != "").ToArray();
        Assert.Equal(["Rejected", "Accepted"], outcomes.Select(OutcomeName));
        Assert.Equal((Second, 1), (outcomes[0].Body.GetProperty("recipient").GetString(), outcomes[0].Body.GetProperty("attempt").GetInt32()));
        Assert.Equal(expected[..4], Attempts(outcomes[0].Body));

        // Every attempt was a call of its own, with its statuses under its own messageId, ending as the attempt did.
        var messageIds = final.Body.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("messageId").GetString()!).ToArray();
        Assert.Equal(6, messageIds.Distinct().Count());
        Assert.Equal(
            ["Busy", "Busy", "Completed", "Completed", "NoAnswer", "Completed"],
            messageIds.Select(id => StatusName(hooks.Received.Last(w => w.Path == "/status" && MessageId(w) == id))));
        Assert.Equal([First, First, First, Second, Third, Third], InvitedNumbers(callee));
        // The silent try's COLLECT posted no keys, as a plain conversation's does.
        Assert.Equal(["", "2", "1"], hooks.Received.Where(w => w.Path == "/collect").Select(w => w.Body.GetProperty("digits").GetString()));

        // The same person is tried again only retryAfter after the previous try ended.
        var attempts = final.Body.GetProperty("attempts").EnumerateArray().ToArray();
        foreach (var (previous, next) in new[] { (0, 1), (1, 2), (4, 5) })
        {
            var wait = attempts[next].GetProperty("startedAt").GetDateTimeOffset() - attempts[previous].GetProperty("endedAt").GetDateTimeOffset();
            Assert.True(wait >= TimeSpan.FromMilliseconds(950), $"attempt {next + 1} began {wait} after attempt {previous + 1} ended");
        }

        var resource = await server.Client.GetFromJsonAsync<JsonElement>($"/voice/conversation/{trackingId}");
        Assert.Equal(("Ended", "Accepted"), (resource.GetProperty("state").GetString(), resource.GetProperty("outcome").GetString()));
        Assert.Equal(expected, Attempts(resource));
        Assert.Equal(3, resource.GetProperty("escalation").GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task Escalation_WhenNobodyAccepts_EndsNoAnswerOnce()
    {
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync(Behaviours(busy: "^(1|4)$", ring: "^2$", reject: "^$", accept: "^$"), new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString() }, calls: 4);
        await using var hooks = await WebhookReceiver.StartAsync();
        await using var server = await TestServer.StartAsync(callee.Uri);

        var response = await server.Client.PostAsJsonAsync("/voice/conversation", Request(hooks, [Second], attempts: 2, retryAfter: 0));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var final = await hooks.WaitForAsync(w => OutcomeName(w) is "Accepted" or "NoAnswer", Patience);
        Assert.Equal("NoAnswer", OutcomeName(final));
        Assert.Equal([$"{First} 1 Busy", $"{First} 2 NoAnswer", $"{Second} 1 NoInput", $"{Second} 2 Busy"], Attempts(final.Body));
        Assert.Equal((Second, 2), (final.Body.GetProperty("recipient").GetString(), final.Body.GetProperty("attempt").GetInt32()));
        Assert.Equal(0, await callee.WaitForExitAsync(Patience));
        await Task.Delay(500);
        Assert.Single(hooks.Received, w => OutcomeName(w) != "");
    }

    [Fact]
    public async Task Escalation_Delete_HangsUpTheLiveCall_AndCallsNobodyElse()
    {
        await using var rtp = RtpSink.Start();
        await using var callee = await SippProcess.StartCalleeAsync(Behaviours(busy: "^$", ring: "^$", reject: "^$", accept: "^$"), new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString() }, calls: 2);
        await using var hooks = await WebhookReceiver.StartAsync();
        await using var server = await TestServer.StartAsync(callee.Uri);
        var request = Request(hooks, [Second], attempts: 3, retryAfter: 0);
        request["dialPlan"] = new { verbs = new object[] { new { type = "PAUSE", duration = 30 } } };

        var created = await (await server.Client.PostAsJsonAsync("/voice/conversation", request)).Content.ReadFromJsonAsync<JsonElement>();
        var trackingId = created.GetProperty("conversationTrackingId").GetString()!;
        await hooks.WaitForAsync(w => w.Path == "/status" && StatusName(w) == "InProgress", Patience);

        var running = await server.Client.GetFromJsonAsync<JsonElement>($"/voice/conversation/{trackingId}");
        Assert.Equal("Running", running.GetProperty("state").GetString());
        var live = Assert.Single(running.GetProperty("attempts").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, live.GetProperty("result").ValueKind);
        Assert.Equal(created.GetProperty("trackingId").GetString(), live.GetProperty("messageId").GetString());

        var deleted = await server.Client.DeleteAsync($"/voice/conversation/{trackingId}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var stopped = await hooks.WaitForAsync(w => OutcomeName(w) != "", Patience);
        Assert.Equal("Stopped", OutcomeName(stopped));
        Assert.Equal([$"{First} 1 Stopped"], Attempts(stopped.Body));
        var completed = await hooks.WaitForAsync(w => w.Path == "/status" && StatusName(w) == "Completed", Patience);
        Assert.True(completed.At - stopped.At < TimeSpan.FromSeconds(5), "the live call was not hung up at once");
        await Task.Delay(2000);
        Assert.Single(InvitedNumbers(callee));
        Assert.Single(hooks.Received, w => OutcomeName(w) != "");
        var ended = await server.Client.GetFromJsonAsync<JsonElement>($"/voice/conversation/{trackingId}");
        Assert.Equal(("Ended", "Stopped"), (ended.GetProperty("state").GetString(), ended.GetProperty("outcome").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync($"/voice/conversation/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.DeleteAsync($"/voice/conversation/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Escalation_KilledMidAttempt_ResumesAfterTheRestart_AndEndsOnce()
    {
        await using var rtp = RtpSink.Start();
        // Call 1 is answered and silent (the kill cuts it); call 2, after the restart, presses 1.
        await using var callee = await SippProcess.StartCalleeAsync(Behaviours(busy: "^$", ring: "^$", reject: "^$", accept: "^2$"), new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString() }, calls: 2);
        await using var hooks = await WebhookReceiver.StartAsync();
        var data = Path.Combine(Path.GetTempPath(), "switchboard-tests", Guid.NewGuid().ToString("N"));
        try
        {
            string trackingId;
            await using (var first = await ServerProcess.StartAsync(data, callee.Uri))
            {
                var response = await first.Client.PostAsJsonAsync("/voice/conversation", Request(hooks, [Second], attempts: 2, retryAfter: 1));
                trackingId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationTrackingId").GetString()!;
                await hooks.WaitForAsync(w => w.Path == "/status" && StatusName(w) == "InProgress", Patience);
                await Task.Delay(500);

                await first.KillAsync();
            }

            Assert.DoesNotContain(hooks.Received, w => OutcomeName(w) != "");
            await using (var second = await ServerProcess.StartAsync(data, callee.Uri))
            {
                var final = await hooks.WaitForAsync(w => OutcomeName(w) != "", Patience);
                Assert.Equal("Accepted", OutcomeName(final));
                Assert.Equal([$"{First} 1 Failed", $"{First} 2 Accepted"], Attempts(final.Body));
                var attempts = final.Body.GetProperty("attempts");
                var wait = attempts[1].GetProperty("startedAt").GetDateTimeOffset() - attempts[0].GetProperty("endedAt").GetDateTimeOffset();
                Assert.True(wait >= TimeSpan.FromMilliseconds(950), $"the retry came {wait} after the cut attempt");

                // The cut call's own final status still reached the application, once, from the restart.
                var cutCall = attempts[0].GetProperty("messageId").GetString();
                Assert.Equal("Failed", StatusName(await hooks.WaitForAsync(w => w.Path == "/status" && MessageId(w) == cutCall && StatusName(w) == "Failed", Patience)));
                var resource = await second.Client.GetFromJsonAsync<JsonElement>($"/voice/conversation/{trackingId}");
                Assert.Equal(("Ended", "Accepted"), (resource.GetProperty("state").GetString(), resource.GetProperty("outcome").GetString()));

                // A crash right after must not post it again.
                await Task.Delay(300);
                await second.KillAsync();
            }

            await using (var third = await ServerProcess.StartAsync(data, callee.Uri))
            {
                await Task.Delay(1500);
            }

            Assert.Single(hooks.Received, w => OutcomeName(w) != "");
            Assert.Equal([First, First], InvitedNumbers(callee));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Escalation_StoppedBySigterm_PausesWithoutCallingOn_AndResumesAtTheNextStart()
    {
        await using var rtp = RtpSink.Start();
        // Call 1 is answered and silent; the shutdown ends it. Call 2, after the next start, presses 1.
        await using var callee = await SippProcess.StartCalleeAsync(Behaviours(busy: "^$", ring: "^$", reject: "^$", accept: "^2$"), new Dictionary<string, string> { ["rtp_sink"] = rtp.Port.ToString() }, calls: 2);
        await using var hooks = await WebhookReceiver.StartAsync();
        var data = Path.Combine(Path.GetTempPath(), "switchboard-tests", Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string> { ["SWITCHBOARD_SHUTDOWN_GRACE"] = "1" };
        try
        {
            await using (var first = await ServerProcess.StartAsync(data, callee.Uri, settings))
            {
                await first.Client.PostAsJsonAsync("/voice/conversation", Request(hooks, [Second], attempts: 2, retryAfter: 0));
                await hooks.WaitForAsync(w => w.Path == "/status" && StatusName(w) == "InProgress", Patience);

                Assert.Equal(0, await first.TerminateAsync(Patience));
            }

            // The shutdown hung the call up (its final status posted) but did not take that for an unanswered try.
            await hooks.WaitForAsync(w => w.Path == "/status" && StatusName(w) == "Completed", Patience);
            Assert.DoesNotContain(hooks.Received, w => OutcomeName(w) != "");
            Assert.Single(InvitedNumbers(callee));
            await using (var second = await ServerProcess.StartAsync(data, callee.Uri, settings))
            {
                var final = await hooks.WaitForAsync(w => OutcomeName(w) != "", Patience);
                Assert.Equal("Accepted", OutcomeName(final));
                Assert.Equal([$"{First} 1 Failed", $"{First} 2 Accepted"], Attempts(final.Body));
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Escalation_WithABadField_IsA400NamingIt_AndCallsNobody()
    {
        await using var callee = await SippProcess.StartCalleeAsync("uas_busy.xml");
        await using var hooks = await WebhookReceiver.StartAsync();
        await using var server = await TestServer.StartAsync(callee.Uri);
        var request = Request(hooks, [Second], attempts: 2, retryAfter: 0);
        request["escalation"] = new { recipients = new object[] { new { phone = Second }, new { phone = "not a number" } }, attempts = 2 };

        var response = await server.Client.PostAsJsonAsync("/voice/conversation", request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("escalation.recipients[1].phone", problem.GetProperty("field").GetString());
        await Task.Delay(500);
        Assert.Empty(callee.InvitedCallIds());
    }

    /// <summary>
    /// The callee's scenario with its behaviour per call number (regular expressions over 1, 2, ...); unmatched calls
    /// answer and stay silent.
    /// </summary>
    private static string Behaviours(string busy, string ring, string reject, string accept) => ScenarioTemplate.Fill("uas_escalation.xml", new Dictionary<string, string>
    {
        ["busy"] = busy,
        ["ring"] = ring,
        ["reject"] = reject,
        ["accept"] = accept,
        // After the short ticket and inside the COLLECT that follows it.
        ["key_delay"] = "2000",
    });

    /// <summary>A conversation with an escalation: the ticket, a COLLECT of one key, rings of 2 s.</summary>
    private static Dictionary<string, object> Request(WebhookReceiver hooks, string[] recipients, int attempts, int retryAfter) => new()
    {
        ["from"] = "123",
        ["to"] = new { phone = First },
        ["timeout"] = 2,
        ["dialPlan"] = new
        {
            verbs = new object[]
            {
                new { type = "SAY", message = new { text = "Ticket", language = "en-US" } },
                new { type = "COLLECT", eventUrl = hooks.Url("/collect"), timeout = 4 },
            },
        },
        ["callback"] = new { url = hooks.Url("/status"), strategy = "OnChange" },
        ["escalation"] = new
        {
            recipients = recipients.Select(phone => new { phone }).ToArray(),
            attempts,
            retryAfter,
            accept = "1",
            reject = "2",
        },
    };

    private static string[] Attempts(JsonElement body) =>
        [.. body.GetProperty("attempts").EnumerateArray().Select(a => $"{a.GetProperty("recipient").GetString()} {a.GetProperty("attempt").GetInt32()} {a.GetProperty("result").GetString()}")];

    private static string OutcomeName(ReceivedWebhook webhook) =>
        webhook.Path == "/status" && webhook.Body.TryGetProperty("outcome", out var outcome) ? outcome.GetProperty("name").GetString() ?? "" : "";

    private static string StatusName(ReceivedWebhook webhook) =>
        webhook.Body.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Object ? status.GetProperty("name").GetString() ?? "" : "";

    private static string? MessageId(ReceivedWebhook webhook) =>
        webhook.Body.TryGetProperty("messageId", out var id) ? id.GetString() : null;

    /// <summary>The numbers the callee's INVITEs were for, in order (one per call; retransmissions counted once).</summary>
    private static string[] InvitedNumbers(SippProcess callee)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var numbers = new List<string>();
        var log = callee.Messages();
        foreach (Match invite in InviteLine().Matches(log))
        {
            var callId = CallIdLine().Match(log, invite.Index).Groups[1].Value;
            if (seen.Add(callId))
            {
                numbers.Add(invite.Groups[1].Value);
            }
        }

        return [.. numbers];
    }

    [GeneratedRegex(@"^INVITE sip:(\+?\d+)@", RegexOptions.Multiline)]
    private static partial Regex InviteLine();

    [GeneratedRegex(@"^(?:Call-ID|i):\s*(\S+)", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex CallIdLine();
}
