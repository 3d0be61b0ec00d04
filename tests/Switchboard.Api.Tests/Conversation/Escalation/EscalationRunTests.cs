using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Api.Conversation;
using Switchboard.Api.Conversation.Escalation;
using Switchboard.Calls.Engine;
using Switchboard.Storage.Escalations;
using Switchboard.Storage.Resilience;
using Switchboard.Storage.Sqlite;
using Switchboard.Testing;
using Switchboard.Webhooks;
using Switchboard.Webhooks.Outbox;
using Switchboard.Webhooks.Signing;

namespace Switchboard.Api.Tests.Conversation.Escalation;

/// <summary>
/// One escalation's loop on a clock the test moves, over the real store and outbox; its calls are stand-ins whose
/// keys and ends the test writes to the loop, as the attempt's script source and sink do on a real call.
/// </summary>
public sealed class EscalationRunTests : IAsyncLifetime
{
    private const string Sid = "esc-1";
    private readonly string _path = Path.Combine(Path.GetTempPath(), "switchboard-escalation-" + Guid.NewGuid().ToString("N") + ".db");
    private readonly ManualTimeProvider _time = new();
    private readonly StandInCalls _calls = new();
    private readonly PostedHooks _posted = new();
    private readonly CancellationTokenSource _shutdown = new();
    private SqliteEscalationStore _store = null!;
    private WebhookOutbox _outbox = null!;
    private string _accountSid = null!;

    public async Task InitializeAsync()
    {
        var database = await SqliteDatabase.OpenAsync(_path, default);
        _accountSid = (await new SqliteAccountStore(database, _time).EnsureDefaultAccountAsync(default)).Sid;
        _store = new SqliteEscalationStore(database);
        _outbox = new WebhookOutbox(
            new HttpClient(_posted),
            new WebhookSecrets(new SqliteWebhookSecretStore(database, _time), WebhookOptions.Default, _time),
            new SqliteWebhookOutboxStore(database),
            new SqliteWebhookAttemptStore(database),
            new DeferredWrites(_time, NullLogger<DeferredWrites>.Instance),
            WebhookOptions.Default,
            _time,
            NullLogger<WebhookOutbox>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _shutdown.CancelAsync();
        await _outbox.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task ABusyTry_IsRetriedOnlyRetryAfterLater_ARejectMovesOnAtOnce_AndAnAcceptEndsItOnce()
    {
        var run = NewRun(Record());
        await run.StartAsync(default);
        var loop = run.RunAsync(resumed: false, _shutdown.Token);

        _calls.End(0, CallStatus.Busy);

        var waiting = await UntilAsync(escalation => escalation.Attempts[0].Result == EscalationResults.Busy);
        Assert.Equal(_time.GetUtcNow().AddSeconds(30), waiting.NextAttemptAt);
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(TimeSpan.FromSeconds(1), _time.NextDue);
        Assert.Single(_calls.Placed);
        _time.Advance(TimeSpan.FromSeconds(1));
        await UntilAsync(_ => _calls.Placed.Count == 2);
        _calls.Press(1, "2");
        await UntilAsync(_ => _calls.Placed.Count == 3);
        _calls.Press(2, "1");
        await loop;

        var ended = await _store.FindAsync(_accountSid, Sid, default);
        Assert.Equal((EscalationStates.Ended, EscalationResults.Accepted), (ended!.State, ended.Outcome));
        Assert.Equal(["+1 1 Busy", "+1 2 Rejected", "+2 1 Accepted"], ended.Attempts.Select(a => $"{a.Recipient} {a.Attempt} {a.Result}"));
        await UntilAsync(_ => _posted.Bodies.Count == 2);
        Assert.Equal(["Rejected", "Accepted"], _posted.Bodies.Select(body => body.GetProperty("outcome").GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Resumed_AnAttemptCutByTheRestart_CountsAsFailed_AndTheNextWaitsRetryAfterFromTheRestart()
    {
        var cut = new EscalationAttemptRecord(1, 0, "+1", 1, "call-cut", _time.GetUtcNow().AddMinutes(-1));
        var record = Record() with { Attempts = [cut] };
        await _store.InsertAsync(record, default);
        var loop = NewRun(record).RunAsync(resumed: true, _shutdown.Token);

        var waiting = await UntilAsync(escalation => escalation.Attempts[0].Result == EscalationResults.Failed);

        Assert.Equal(_time.GetUtcNow(), waiting.Attempts[0].EndedAt);
        Assert.Equal(_time.GetUtcNow().AddSeconds(30), waiting.NextAttemptAt);
        Assert.Empty(_calls.Placed);
        _time.Advance(TimeSpan.FromSeconds(30));
        await UntilAsync(_ => _calls.Placed.Count == 1);
        Assert.Equal(("+1", 2), (_calls.Placed[0].Attempt.Recipient, _calls.Placed[0].Attempt.Attempt));
        _calls.End(0, CallStatus.NoAnswer);
        await UntilAsync(_ => _calls.Placed.Count == 2);
        _calls.End(1, CallStatus.Completed);
        await UntilAsync(escalation => escalation.NextAttemptAt is not null);
        _time.Advance(TimeSpan.FromSeconds(30));
        await UntilAsync(_ => _calls.Placed.Count == 3);
        _calls.End(2, CallStatus.Failed);
        await loop;

        var ended = await _store.FindAsync(_accountSid, Sid, default);
        Assert.Equal(EscalationResults.NoAnswer, ended!.Outcome);
        Assert.Equal(["+1 1 Failed", "+1 2 NoAnswer", "+2 1 NoInput", "+2 2 Failed"], ended.Attempts.Select(a => $"{a.Recipient} {a.Attempt} {a.Result}"));
        await UntilAsync(_ => _posted.Bodies.Count == 1);
        Assert.Equal("NoAnswer", Assert.Single(_posted.Bodies).GetProperty("outcome").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Stop_HangsUpTheLiveCall_AndEndsStopped_WhileAShutdownLeavesItRunning()
    {
        var stopped = NewRun(Record());
        await stopped.StartAsync(default);
        var loop = stopped.RunAsync(resumed: false, _shutdown.Token);

        stopped.Post(new EscalationMessage.StopRequested());
        await loop;

        Assert.Equal([_calls.Placed[0].Attempt.CallSid], _calls.HungUp);
        var ended = await _store.FindAsync(_accountSid, Sid, default);
        Assert.Equal((EscalationResults.Stopped, EscalationResults.Stopped), (ended!.Outcome, ended.Attempts[0].Result));

        var suspended = NewRun(Record() with { Sid = "esc-2" });
        await suspended.StartAsync(default);
        await _shutdown.CancelAsync();
        await suspended.RunAsync(resumed: false, _shutdown.Token);
        var running = await _store.FindAsync(_accountSid, "esc-2", default);
        Assert.Equal(EscalationStates.Running, running!.State);
        Assert.Null(running.Attempts[0].Result);
    }

    private static string RequestText() => """
        {"from": "123", "to": {"phone": "+1"}, "dialPlan": {"verbs": []},
         "callback": {"url": "http://hooks.test/status"},
         "escalation": {"recipients": [{"phone": "+2"}], "attempts": 2, "retryAfter": 30}}
        """;

    private EscalationRecord Record() => new(Sid, _accountSid, RequestText(), EscalationStates.Running, _time.GetUtcNow());

    private EscalationRun NewRun(EscalationRecord record) =>
        new(record, Escalations.ReadStored(record.Request), _calls, new EscalationServices(_outbox, _store, _time, NullLogger.Instance));

    /// <summary>Waits (in real time, briefly) until the loop has stored what <paramref name="condition"/> looks for.</summary>
    private async Task<EscalationRecord> UntilAsync(Func<EscalationRecord, bool> condition)
    {
        for (var i = 0; i < 500; i++)
        {
            if (await _store.FindAsync(_accountSid, Sid, default) is { } escalation && condition(escalation))
            {
                return escalation;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException("the escalation never got there");
    }

    private sealed class StandInCalls : IEscalationCalls
    {
        private readonly ConcurrentQueue<(EscalationAttemptRecord Attempt, ChannelWriter<EscalationMessage> Loop)> _placed = new();

        public IReadOnlyList<(EscalationAttemptRecord Attempt, ChannelWriter<EscalationMessage> Loop)> Placed => [.. _placed];

        public ConcurrentQueue<string> HungUp { get; } = new();

        public Task<PlacedCall> PlaceAsync(EscalationAttemptRecord attempt, ChannelWriter<EscalationMessage> loop, CancellationToken cancellationToken)
        {
            _placed.Enqueue((attempt, loop));
            return Task.FromResult(new PlacedCall(attempt.CallSid, "sip-" + attempt.CallSid, attempt.StartedAt));
        }

        public void Hangup(string callSid) => HungUp.Enqueue(callSid);

        public void End(int index, CallStatus status) => Placed[index].Loop.TryWrite(new EscalationMessage.CallEnded(Placed[index].Attempt.CallSid, status));

        public void Press(int index, string digits) => Placed[index].Loop.TryWrite(new EscalationMessage.KeysCollected(Placed[index].Attempt.CallSid, digits));
    }

    private sealed class PostedHooks : HttpMessageHandler
    {
        private readonly ConcurrentQueue<JsonElement> _bodies = new();

        public IReadOnlyList<JsonElement> Bodies => [.. _bodies];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _bodies.Enqueue(JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken)).RootElement.Clone());
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK);
        }
    }
}
