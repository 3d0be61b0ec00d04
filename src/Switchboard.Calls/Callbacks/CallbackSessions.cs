using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Switchboard.Calls.Callbacks.Messages;
using Switchboard.Calls.Engine;
using Switchboard.Media.Audio;
using Switchboard.Media.Speech;
using Switchboard.Storage.Callbacks;

namespace Switchboard.Calls.Callbacks;

/// <summary>
/// Starts callback sessions and keeps the live ones. Every leg is placed through the <see cref="CallEngine"/>,
/// so the engine's admission and limits apply to each, and each leg is a call of its own in the Calls API.
/// </summary>
public sealed class CallbackSessions : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, (CallbackSession Session, Task Loop)> _live = new();
    private readonly CancellationTokenSource _shutdown = new();
    private readonly CallbackServices _services;
    private int _disposed;

    public CallbackSessions(
        CallEngine engine,
        SpeechSynthesizerRegistry speech,
        AudioFetcher audio,
        ICallbackSessionStore store,
        TimeProvider timeProvider,
        ILogger<CallbackSessions> logger,
        RecordingLibrary? recordings = null)
    {
        _services = new CallbackServices(engine, new PromptRenderer(speech, audio), recordings, store, timeProvider, logger);
    }

    /// <summary>How many sessions are live right now.</summary>
    public int LiveCount => _live.Count;

    /// <summary>
    /// Places the leg (or legs) that ring first, stores the session and starts it. Returns once their INVITEs
    /// are on their way.
    /// </summary>
    /// <exception cref="NoRouteException">No carrier reaches a leg placed now; nothing rings.</exception>
    /// <exception cref="CallNotPlacedException">No media port was free or a target is unusable; nothing rings.</exception>
    public async Task<CallbackSessionStarted> StartAsync(CallbackSessionRequest request, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        var session = new CallbackSession(request.Sid, request.LegASid, request.LegBSid, request, _services);
        await _services.Store.InsertAsync(session.Record, cancellationToken).ConfigureAwait(false);
        try
        {
            await session.PlaceInitialLegsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // The session never ran: it is stored as failed, with why, so a GET still explains it.
            var failed = session.Record with
            {
                Status = CallbackSessionState.Failed.ToString(),
                Reason = "not placed: " + exception.Message,
                EndedAt = _services.Time.GetUtcNow(),
            };
            await _services.Store.UpdateAsync(failed, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        Track(session);
        var record = session.Record;
        return new CallbackSessionStarted(record.Sid, record.LegASid, record.LegBSid, record.CreatedAt);
    }

    /// <summary>Asks a live session to end (both legs hung up or canceled); false when no such session is live.</summary>
    public bool Hangup(string sessionSid)
    {
        if (!_live.TryGetValue(sessionSid, out var entry))
        {
            return false;
        }

        entry.Session.Post(new SessionHangupRequested("ended by request"));
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        foreach (var (session, _) in _live.Values)
        {
            session.Post(new SessionHangupRequested("server shutting down"));
        }

        var loops = _live.Values.Select(entry => entry.Loop).ToArray();
        await Task.WhenAny(Task.WhenAll(loops), Task.Delay(TimeSpan.FromSeconds(5), _services.Time)).ConfigureAwait(false);
        await _shutdown.CancelAsync().ConfigureAwait(false);
        _shutdown.Dispose();
    }

    private void Track(CallbackSession session)
    {
        // The loop waits for its registration, so a session that ends at once is still removed after it was added.
        var registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _live[session.Sid] = (session, RunAsync(session, registered.Task));
        registered.SetResult();
    }

    private async Task RunAsync(CallbackSession session, Task registered)
    {
        await registered.ConfigureAwait(false);
        try
        {
            await session.RunAsync(_shutdown.Token).ConfigureAwait(false);
        }
        finally
        {
            _live.TryRemove(session.Sid, out _);
        }
    }
}
