using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Switchboard.Calls.Limits;
using Switchboard.Media.Audio;
using Switchboard.Media.Sessions;
using Switchboard.Media.Speech;
using Switchboard.Sip.UserAgent;
using Switchboard.Storage.Calls;

namespace Switchboard.Calls.Engine;

/// <summary>
/// Places calls and keeps the live ones. Dialects give it a <see cref="CallRequest"/>; it routes the target,
/// stores the call, sends the INVITE and runs the call's loop until its final status.
/// </summary>
public sealed class CallEngine : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, (Call Call, Task Loop)> _live = new();
    private readonly CancellationTokenSource _shutdown = new();
    private readonly CallEngineOptions _options;
    private readonly CallServices _services;
    private int _disposed;
    private readonly Lock _shutdownGate = new();
    private Task? _shutdownTask;

    public CallEngine(
        CallEngineOptions options,
        SipUserAgent sip,
        MediaEngine media,
        SpeechSynthesizerRegistry speech,
        AudioFetcher audio,
        ICallStore store,
        TimeProvider timeProvider,
        ILogger<CallEngine> logger,
        CallLimits? limits = null)
    {
        _options = options;
        _services = new CallServices(sip, media, speech, audio, store, timeProvider, logger);
        Admission = new CallAdmission(limits ?? CallLimits.Default, timeProvider);
    }

    /// <summary>How many calls are live right now.</summary>
    public int LiveCallCount => _live.Count;

    /// <summary>
    /// The call limits. <see cref="PlaceCallAsync"/> admits and releases outbound calls itself; the inbound path
    /// asks <see cref="CallAdmission.TryAdmit(string, out TimeSpan)"/> before answering (503 when refused) and
    /// calls <see cref="CallAdmission.Release"/> when its call ends.
    /// </summary>
    public CallAdmission Admission { get; }

    /// <summary>
    /// Stores the call as queued and sends its INVITE. Returns once the INVITE is on its way, with the SIP Call-ID.
    /// </summary>
    /// <exception cref="NoRouteException">No carrier reaches the target; nothing was stored.</exception>
    /// <exception cref="CallNotPlacedException">No media port was free or the target URI is unusable; the call is stored as failed.</exception>
    /// <exception cref="CallRefusedException">A limit refused the call (rate, concurrency, shutdown); nothing was stored.</exception>
    public async Task<PlacedCall> PlaceCallAsync(CallRequest request, CancellationToken cancellationToken)
    {
        var targetUri = Route(request.Target);
        var admission = Admission.TryAdmit(request.AccountSid);
        if (!admission.IsAdmitted)
        {
            throw new CallRefusedException(admission);
        }

        try
        {
            return await PlaceAdmittedCallAsync(request with { TimeLimit = CappedTimeLimit(request.TimeLimit) }, targetUri, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Admission.Release(request.AccountSid);
            throw;
        }
    }

    private async Task<PlacedCall> PlaceAdmittedCallAsync(CallRequest request, string targetUri, CancellationToken cancellationToken)
    {
        var record = new CallRecord(
            Guid.NewGuid().ToString(), request.AccountSid, "outbound", request.From, request.Target.Address,
            null, CallStatus.Queued.ToWire(), null, _services.Time.GetUtcNow(), null, null);
        await _services.Store.InsertAsync(record, cancellationToken).ConfigureAwait(false);

        var call = new Call(record, request, targetUri, _services);
        try
        {
            call.Start();
        }
        catch (Exception exception) when (exception is MediaPortsExhaustedException or ArgumentException)
        {
            // Nothing was sent: the stored call must not stay queued forever.
            await _services.Store.UpdateAsync(record with { Status = CallStatus.Failed.ToWire(), EndedAt = _services.Time.GetUtcNow() }, CancellationToken.None).ConfigureAwait(false);
            throw new CallNotPlacedException(exception.Message, exception);
        }

        // The loop waits for its registration, so a call that ends at once is still removed after it was added.
        var registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _live[call.Sid] = (call, RunAsync(call, request.AccountSid, registered.Task));
        registered.SetResult();
        return new PlacedCall(call.Sid, call.SipCallId!, record.CreatedAt);
    }

    /// <summary>Asks a live call to hang up; false when no such call is live.</summary>
    public bool Hangup(string callSid) => WithLive(callSid, call => call.RequestHangup("hangup requested"));

    /// <summary>Live control: the call runs what <paramref name="actionHook"/> answers; false when not live.</summary>
    public bool Redirect(string callSid, string actionHook) => WithLive(callSid, call => call.Redirect(actionHook));

    /// <summary>Live control: replaces the call's application data; false when not live.</summary>
    public bool UpdateTag(string callSid, JsonElement tag) => WithLive(callSid, call => call.UpdateTag(tag));

    /// <summary>Live control: a ringing call stops and ends as no-answer; false when not live.</summary>
    public bool EndAsNoAnswer(string callSid) => WithLive(callSid, call => call.RequestNoAnswer());

    /// <summary>
    /// Graceful shutdown: takes no new calls, lets live ones finish by themselves for the limits' shutdown grace, then
    /// hangs up the rest (answered calls end <c>completed</c>, ringing ones are canceled) and waits for their final
    /// status. Idempotent. Disposing without it hangs up at once.
    /// </summary>
    public Task ShutdownAsync() => StartShutdown(Admission.Limits.ShutdownGrace);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await StartShutdown(TimeSpan.Zero).ConfigureAwait(false);
        await _shutdown.CancelAsync().ConfigureAwait(false);
        _shutdown.Dispose();
    }

    private Task StartShutdown(TimeSpan grace)
    {
        lock (_shutdownGate)
        {
            return _shutdownTask ??= ShutdownCoreAsync(grace);
        }
    }

    private async Task ShutdownCoreAsync(TimeSpan grace)
    {
        Admission.StopAdmitting();
        await WaitForLiveCallsAsync(grace).ConfigureAwait(false);
        foreach (var (call, _) in _live.Values)
        {
            call.RequestHangup("server shutting down");
        }

        await WaitForLiveCallsAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
    }

    private async Task WaitForLiveCallsAsync(TimeSpan patience)
    {
        var loops = _live.Values.Select(entry => entry.Loop).ToArray();
        if (loops.Length > 0)
        {
            await Task.WhenAny(Task.WhenAll(loops), Task.Delay(patience, _services.Time)).ConfigureAwait(false);
        }
    }

    /// <summary>A call may ask for a shorter time limit than the server's maximum duration, never a longer one.</summary>
    private TimeSpan CappedTimeLimit(TimeSpan? requested) =>
        requested is { } limit && limit < Admission.Limits.MaxCallDuration ? limit : Admission.Limits.MaxCallDuration;

    private bool WithLive(string callSid, Action<Call> command)
    {
        if (!_live.TryGetValue(callSid, out var entry))
        {
            return false;
        }

        command(entry.Call);
        return true;
    }

    private async Task RunAsync(Call call, string accountSid, Task registered)
    {
        await registered.ConfigureAwait(false);
        try
        {
            await call.RunAsync(_shutdown.Token).ConfigureAwait(false);
        }
        finally
        {
            _live.TryRemove(call.Sid, out _);
            Admission.Release(accountSid);
        }
    }

    private string Route(CallTarget target)
    {
        if (target.Kind == CallTargetKind.Sip)
        {
            return target.Address;
        }

        if (target.Carrier is { } route)
        {
            return route.UriFor(target.Address);
        }

        if (_options.DefaultCarrierUri is not { } carrier)
        {
            throw new NoRouteException("no carrier is configured for phone numbers (set SWITCHBOARD_DEFAULT_CARRIER)");
        }

        // sip:host[:port][;params] becomes sip:number@host[:port][;params].
        var schemeEnd = carrier.IndexOf(':', StringComparison.Ordinal);
        var scheme = carrier[..(schemeEnd + 1)];
        var rest = carrier[(schemeEnd + 1)..];
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            rest = rest[(at + 1)..];
        }

        return scheme + target.Address + "@" + rest;
    }
}
