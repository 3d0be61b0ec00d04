using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Storage.Callbacks;
using Switchboard.Storage.Calls;
using Switchboard.Storage.Escalations;
using Switchboard.Storage.Recordings;
using Switchboard.Storage.Webhooks;

namespace Switchboard.Server.Tests.V1;

/// <summary>
/// A call's timeline as each dialect serves it: its statuses, verbs, webhook requests and recordings in the order they
/// happened, only to the call's own account.
/// </summary>
public sealed class CallEventsTests(V1Server server) : IClassFixture<V1Server>
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-03-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task ACallsEvents_ComeInTheOrderTheyHappened_WithEveryKindOfEntry()
    {
        var (account, key) = await server.NewAccountAsync();
        var sid = await StoreCallAsync(account);

        var events = await server.GetJsonAsync($"/v1/Accounts/{account}/Calls/{sid}/Events", key);

        Assert.Equal(
            ["status", "webhook", "status", "verb", "amd", "verb", "recording", "status", "webhook"],
            events.EnumerateArray().Select(entry => entry.GetProperty("type").GetString()));
        var ringing = events[2];
        Assert.Equal(("ringing", 180, "Ringing"), (ringing.GetProperty("status").GetString(), ringing.GetProperty("code").GetInt32(), ringing.GetProperty("reason").GetString()));
        var hook = events[1];
        Assert.Equal(("call_hook", "https://app.example/hook", "POST", 1, 200, 35L), (
            hook.GetProperty("name").GetString(), hook.GetProperty("url").GetString(), hook.GetProperty("method").GetString(),
            hook.GetProperty("attempt").GetInt32(), hook.GetProperty("code").GetInt32(), hook.GetProperty("latency").GetInt64()));
        Assert.Equal(("""{"call_sid":"x"}""", """[{"verb":"say","text":"hi"}]"""), (hook.GetProperty("request").GetString(), hook.GetProperty("answer").GetString()));
        Assert.Equal(("ended", "say", "done"), (events[5].GetProperty("name").GetString(), events[5].GetProperty("verb").GetString(), events[5].GetProperty("result").GetString()));
        Assert.Equal(("MachineDetected", "LongGreeting"), (events[4].GetProperty("name").GetString(), events[4].GetProperty("reason").GetString()));
        Assert.Equal(4.5, events[6].GetProperty("duration").GetDouble());
        var failed = events[8];
        Assert.Equal(("connection refused", 2), (failed.GetProperty("error").GetString(), failed.GetProperty("attempt").GetInt32()));
        Assert.False(failed.TryGetProperty("code", out _));
    }

    [Fact]
    public async Task ACall_ShowsWhyItEndedAndWhoHungUp()
    {
        var (account, key) = await server.NewAccountAsync();
        var sid = await StoreCallAsync(account);

        var call = await server.GetJsonAsync($"/v1/Accounts/{account}/Calls/{sid}", key);

        Assert.Equal(("hangup requested", "api"), (call.GetProperty("end_reason").GetString(), call.GetProperty("hangup_by").GetString()));
    }

    [Fact]
    public async Task AnUnknownCall_AndAnotherAccountsCall_Are404()
    {
        var (account, key) = await server.NewAccountAsync();
        var (other, otherKey) = await server.NewAccountAsync();
        var sid = await StoreCallAsync(account);

        await V1Server.AssertProblemAsync(await server.GetAsync($"/v1/Accounts/{account}/Calls/no-such-call/Events", key), HttpStatusCode.NotFound);
        await V1Server.AssertProblemAsync(await server.GetAsync($"/v1/Accounts/{other}/Calls/{sid}/Events", otherKey), HttpStatusCode.NotFound);
        await V1Server.AssertProblemAsync(await server.GetAsync($"/v1/voice/calls/{sid}/events", otherKey), HttpStatusCode.NotFound);
        await V1Server.AssertProblemAsync(await server.GetAsync($"/voice/conversation/{sid}/events", otherKey), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/v1/voice/calls/{0}/events")]
    [InlineData("/voice/conversation/{0}/events")]
    public async Task TheOtherDialects_ServeTheSameTimeline_ByTheirOwnIds(string path)
    {
        var (account, key) = await server.NewAccountAsync();
        var sid = await StoreCallAsync(account);

        var jambonz = await server.GetJsonAsync($"/v1/Accounts/{account}/Calls/{sid}/Events", key);
        var dialect = await server.GetJsonAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, sid), key);

        Assert.Equal(jambonz.GetRawText(), dialect.GetRawText());
    }

    [Fact]
    public async Task ACallbackSessionsEvents_MergeBothLegs_NamingEach()
    {
        var (account, key) = await server.NewAccountAsync();
        var legA = await StoreCallAsync(account);
        var legB = await StoreCallAsync(account, offset: TimeSpan.FromSeconds(1));
        var session = Guid.NewGuid().ToString();
        await server.App.Services.GetRequiredService<ICallbackSessionStore>().InsertAsync(
            new CallbackSessionRecord(session, account, "sequential", "leg_A", legA, "100", "200", legB, "101", "200", "Completed", Start), default);

        var events = await server.GetJsonAsync($"/voice/call/callback/{session}/events", key);

        var entries = events.EnumerateArray().ToList();
        Assert.Equal(18, entries.Count);
        Assert.Equal(("leg_A", legA), (entries[0].GetProperty("leg").GetString(), entries[0].GetProperty("call").GetString()));
        Assert.Equal(9, entries.Count(entry => entry.GetProperty("leg").GetString() == "leg_B" && entry.GetProperty("call").GetString() == legB));
        var times = entries.Select(entry => entry.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(times.Order(), times);
        await V1Server.AssertProblemAsync(await server.GetAsync($"/voice/call/callback/{Guid.NewGuid()}/events", key), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnEscalationsEvents_MergeItsAttemptsCalls_WithItsOwnPosts()
    {
        var (account, key) = await server.NewAccountAsync();
        var first = await StoreCallAsync(account);
        var second = await StoreCallAsync(account, offset: TimeSpan.FromMinutes(1));
        var escalation = new EscalationRecord(Guid.NewGuid().ToString(), account, "{}", "Ended", Start);
        var store = server.App.Services.GetRequiredService<IEscalationStore>();
        await store.InsertAsync(escalation, default);
        await store.SaveAsync(escalation, new EscalationAttemptRecord(1, 0, "100", 1, first, Start), null, default);
        await store.SaveAsync(escalation, new EscalationAttemptRecord(2, 0, "100", 2, second, Start.AddMinutes(1)), null, default);
        await server.App.Services.GetRequiredService<IWebhookAttemptStore>().AddAsync(
            new WebhookAttemptRecord(escalation.Sid, account, "escalation:outcome", "https://app.example/outcome", "POST", 1, 200, null, 5, "{}", null, Start.AddMinutes(2)), default);

        var events = (await server.GetJsonAsync($"/voice/conversation/{escalation.Sid}/events", key)).EnumerateArray().ToList();

        Assert.Equal(19, events.Count);
        Assert.Equal([first, second], events.Where(e => e.TryGetProperty("call", out _)).Select(e => e.GetProperty("call").GetString()).Distinct());
        Assert.Equal("escalation:outcome", events[^1].GetProperty("name").GetString());
        Assert.False(events[^1].TryGetProperty("call", out _));
    }

    /// <summary>A finished call with two statuses' worth of story in each kind of record, stored out of order across the stores.</summary>
    private async Task<string> StoreCallAsync(string account, TimeSpan offset = default)
    {
        var services = server.App.Services;
        var calls = services.GetRequiredService<ICallStore>();
        var attempts = services.GetRequiredService<IWebhookAttemptStore>();
        var sid = Guid.NewGuid().ToString();
        var at = Start + offset;
        await calls.InsertAsync(new CallRecord(sid, account, "outbound", "100", "200", "c@h", "queued", null, at, null, null), default);
        await calls.UpdateAsync(
            new CallRecord(sid, account, "outbound", "100", "200", "c@h", "completed", 200, at, at.AddSeconds(3), at.AddSeconds(20))
            {
                EndReason = "hangup requested",
                HangupBy = "api",
            },
            default);
        var seq = 0;
        await calls.AppendEventAsync(new CallEventRecord(sid, ++seq, at, "status:queued", null), default);
        await calls.AppendEventAsync(new CallEventRecord(sid, ++seq, at.AddSeconds(2), "status:ringing", "180 Ringing"), default);
        await calls.AppendEventAsync(new CallEventRecord(sid, ++seq, at.AddSeconds(4), "verb:started", "say"), default);
        await calls.AppendEventAsync(new CallEventRecord(sid, ++seq, at.AddSeconds(5), "amd", "MachineDetected: LongGreeting"), default);
        await calls.AppendEventAsync(new CallEventRecord(sid, ++seq, at.AddSeconds(6), "verb:ended", "say: done"), default);
        await calls.AppendEventAsync(new CallEventRecord(sid, ++seq, at.AddSeconds(20), "status:completed", "hangup requested"), default);
        await attempts.AddAsync(new WebhookAttemptRecord(sid, account, "status:completed", "https://app.example/status", "POST", 2, null, "connection refused", 3, "{}", null, at.AddSeconds(21)), default);
        await attempts.AddAsync(new WebhookAttemptRecord(sid, account, "call_hook", "https://app.example/hook", "POST", 1, 200, null, 35, """{"call_sid":"x"}""", """[{"verb":"say","text":"hi"}]""", at.AddSeconds(1)), default);
        await services.GetRequiredService<IRecordingStore>().CreateAsync(
            new RecordingRecord(Guid.NewGuid().ToString(), account, sid, RecordingSources.Verb, RecordingStatuses.Completed, "hangup", 1, TimeSpan.FromSeconds(4.5), 1000, at.AddSeconds(7)), default);
        return sid;
    }
}
