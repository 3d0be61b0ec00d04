using Switchboard.Api.Conversation.Escalation;
using Switchboard.Calls.Engine;
using Switchboard.Webhooks.Outbox;

namespace Switchboard.Server.Hosting;

/// <summary>
/// On SIGTERM (or any host stop), while the HTTP server still answers: escalations pause where they are, the engine takes no new calls (the API answers
/// 503 with Retry-After), lets live calls finish for the shutdown grace, hangs up the rest with <c>completed</c>, and
/// the outbox gets a moment to deliver their final statuses. It runs in <see cref="StoppingAsync"/>, which the host
/// calls before it stops any service (the web server included).
/// </summary>
internal sealed class GracefulShutdownService(Escalations escalations, CallEngine engine, WebhookOutbox outbox) : IHostedLifecycleService
{
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        // Escalations stop where they are (to resume at the next start) before the calls they wait on are ended.
        await escalations.SuspendAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        await engine.ShutdownAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        await outbox.DrainAsync(outbox.Options.ShutdownDrain).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
