using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Switchboard.Api.Problems;
using Switchboard.Calls.Engine;
using Switchboard.Storage.Escalations;
using Switchboard.Webhooks.Outbox;

namespace Switchboard.Api.Conversation.Escalation;

/// <summary>
/// Starts escalations, keeps the live ones (one loop each), stops them on request, and resumes at start-up those a
/// previous run left unfinished. Every attempt is a conversation call placed through the <see cref="CallEngine"/>.
/// </summary>
public sealed class Escalations : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, (EscalationRun Run, Task Loop)> _live = new();
    private readonly CancellationTokenSource _suspend = new();
    private readonly EscalationServices _services;
    private readonly CallEngine _engine;
    private int _suspended;

    public Escalations(CallEngine engine, WebhookOutbox outbox, IEscalationStore store, TimeProvider timeProvider, ILogger<Escalations> logger)
    {
        _engine = engine;
        _services = new EscalationServices(outbox, store, timeProvider, logger);
    }

    /// <summary>How many escalations are live right now.</summary>
    public int LiveCount => _live.Count;

    /// <summary>Reads a stored request back (the same reader as <c>POST</c>, so a resumed escalation runs the same plan).</summary>
    public static ConversationRequest ReadStored(string requestText)
    {
        using var document = JsonDocument.Parse(requestText);
        return ConversationRequestReader.Read(document.RootElement);
    }

    /// <summary>
    /// Places the first attempt, stores the escalation and starts its loop. Returns once the first INVITE is on its way.
    /// </summary>
    /// <param name="requestText">The request as received: stored, so a restart rebuilds the same plan from it.</param>
    /// <exception cref="NoRouteException">No carrier reaches <c>to</c>; nothing was stored.</exception>
    public async Task<PlacedCall> StartAsync(string accountSid, string sid, string requestText, ConversationRequest request, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _suspended) == 1, this);
        var record = new EscalationRecord(sid, accountSid, requestText, EscalationStates.Running, _services.Time.GetUtcNow());
        var run = Run(record, request);
        PlacedCall placed;
        try
        {
            placed = await run.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            run.Abandon();
            throw;
        }

        Track(run, resumed: false);
        return placed;
    }

    /// <summary>Asks a live escalation to stop (its call hung up, nobody else called); false when none is live.</summary>
    public bool Stop(string sid)
    {
        if (!_live.TryGetValue(sid, out var entry))
        {
            return false;
        }

        entry.Run.Post(new EscalationMessage.StopRequested());
        return true;
    }

    /// <summary>
    /// Runs once at start, after <c>CrashRecovery</c> ended the calls a crash left live: every escalation still
    /// running goes on (an attempt cut by the crash counts as failed). Returns how many.
    /// </summary>
    public async Task<int> ResumeAsync(CancellationToken cancellationToken)
    {
        var running = await _services.Store.ListRunningAsync(cancellationToken).ConfigureAwait(false);
        if (running.Count > 0)
        {
            Log.Resuming(_services.Logger, running.Count);
        }

        var resumed = 0;
        foreach (var record in running)
        {
            ConversationRequest request;
            try
            {
                request = ReadStored(record.Request);
            }
            catch (Exception invalid) when (invalid is JsonException or ValidationException)
            {
                Log.NotResumable(_services.Logger, record.Sid, invalid.Message);
                continue;
            }

            if (request.Escalation is null)
            {
                Log.NotResumable(_services.Logger, record.Sid, "it has no escalation");
                continue;
            }

            Track(Run(record, request), resumed: true);
            resumed++;
        }

        return resumed;
    }

    /// <summary>
    /// Shutdown: every loop stops where it is, before the engine hangs up the calls (whose ends would otherwise be
    /// taken for unanswered attempts). The escalations stay running in the store and resume at the next start.
    /// </summary>
    public async Task SuspendAsync()
    {
        if (Interlocked.Exchange(ref _suspended, 1) == 1)
        {
            return;
        }

        await _suspend.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_live.Values.Select(entry => entry.Loop)).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await SuspendAsync().ConfigureAwait(false);
        _suspend.Dispose();
    }

    private EscalationRun Run(EscalationRecord record, ConversationRequest request) =>
        new(record, request, new ConversationAttemptCalls(record.Sid, record.AccountSid, request, _engine, _services.Outbox, _services.Time), _services);

    private void Track(EscalationRun run, bool resumed)
    {
        // The loop waits for its registration, so one that ends at once is still removed after it was added.
        var registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _live[run.Sid] = (run, RunAsync(run, resumed, registered.Task));
        registered.SetResult();
    }

    private async Task RunAsync(EscalationRun run, bool resumed, Task registered)
    {
        await registered.ConfigureAwait(false);
        try
        {
            await run.RunAsync(resumed, _suspend.Token).ConfigureAwait(false);
        }
        finally
        {
            _live.TryRemove(run.Sid, out _);
        }
    }
}
