using System.Runtime.InteropServices;
using Switchboard.Api.Conversation.Escalation;
using Switchboard.Calls.Engine;
using Switchboard.Webhooks.Outbox;

namespace Switchboard.Server.Hosting;

/// <summary>
/// On SIGTERM or Ctrl-C (or any host stop), while the HTTP server still answers: escalations pause where they are, the
/// engine takes no new calls (the API answers 503 with Retry-After, <c>/health/ready</c> 503), lets live calls finish
/// for the shutdown grace, saying every few seconds how many it waits for and how much grace is left, hangs up the
/// rest with <c>completed</c>, and the outbox gets a moment to deliver their final statuses. A second SIGTERM or
/// Ctrl-C ends the wait: every call is hung up at once, its final status still written to the outbox (delivered now
/// if it can be, else after the next start). It runs in <see cref="StoppingAsync"/>, which the host calls before it
/// stops any service (the web server included).
/// </summary>
internal sealed class GracefulShutdownService(
    Escalations escalations,
    CallEngine engine,
    WebhookOutbox outbox,
    TimeProvider time,
    ILogger<GracefulShutdownService> logger) : IHostedLifecycleService, IDisposable
{
    /// <summary>How often the wait for live calls says where it stands.</summary>
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(5);

    /// <summary>After a second stop request: long enough for final statuses to be written, not to wait on receivers.</summary>
    public static readonly TimeSpan ImmediateDrain = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _now = new();
    private readonly List<PosixSignalRegistration> _signals = [];
    private int _stopRequests;

    /// <summary>Whether a second stop request cut the grace short.</summary>
    public bool IsStoppingNow => _now.IsCancellationRequested;

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        // The host's own handlers turn the first signal into a stop; these only count, so the second ends the wait.
        if (!OperatingSystem.IsWindows())
        {
            _signals.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, OnStopSignal));
            _signals.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnStopSignal));
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The operator will not wait: hang up every live call now and give the outbox only a moment. Called on the
    /// second stop signal; idempotent.
    /// </summary>
    public void StopNow()
    {
        if (_now.IsCancellationRequested)
        {
            return;
        }

        Log.StoppingNow(logger, engine.LiveCallCount);
        _now.Cancel();
        engine.HangUpAllNow();
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        // Escalations stop where they are (to resume at the next start) before the calls they wait on are ended.
        await escalations.SuspendAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        var graceEnds = time.GetUtcNow() + engine.Admission.Limits.ShutdownGrace;
        var shutdown = engine.ShutdownAsync();
        while (!shutdown.IsCompleted && !_now.IsCancellationRequested)
        {
            var graceLeft = graceEnds - time.GetUtcNow();
            if (engine.LiveCallCount > 0)
            {
                if (graceLeft > TimeSpan.Zero)
                {
                    Log.WaitingForCalls(logger, engine.LiveCallCount, Math.Ceiling(graceLeft.TotalSeconds));
                }
                else
                {
                    Log.GraceOver(logger, engine.LiveCallCount);
                }
            }

            await Task.WhenAny(shutdown, Task.Delay(ProgressInterval, time, _now.Token)).ConfigureAwait(false);
        }

        await shutdown.WaitAsync(cancellationToken).ConfigureAwait(false);
        var drain = _now.IsCancellationRequested ? ImmediateDrain : outbox.Options.ShutdownDrain;
        await outbox.DrainAsync(drain).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        foreach (var registration in _signals)
        {
            registration.Dispose();
        }

        _now.Dispose();
    }

    private void OnStopSignal(PosixSignalContext context)
    {
        if (Interlocked.Increment(ref _stopRequests) < 2)
        {
            return;
        }

        // Keep the runtime from ending the process outright: hanging up lets the final statuses be written.
        context.Cancel = true;
        StopNow();
    }
}
