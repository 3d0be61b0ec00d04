using System.Threading.Channels;

namespace Switchboard.Calls.Webhooks;

/// <summary>
/// The webhooks of one call, delivered strictly in order: a later event is not sent before the earlier one
/// was delivered or given up on.
/// </summary>
public sealed class WebhookQueue
{
    private readonly Channel<WebhookDelivery> _pending = Channel.CreateUnbounded<WebhookDelivery>(new UnboundedChannelOptions { SingleReader = true });

    internal WebhookQueue(Func<WebhookDelivery, CancellationToken, Task> deliver, CancellationToken cancellationToken) =>
        Drained = PumpAsync(deliver, cancellationToken);

    /// <summary>Completes when <see cref="Complete"/> was called and everything queued was handled.</summary>
    public Task Drained { get; }

    public void Enqueue(WebhookDelivery delivery) => _pending.Writer.TryWrite(delivery);

    /// <summary>No more deliveries will come (the call has its final status).</summary>
    public void Complete() => _pending.Writer.TryComplete();

    private async Task PumpAsync(Func<WebhookDelivery, CancellationToken, Task> deliver, CancellationToken cancellationToken)
    {
        await foreach (var delivery in _pending.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            await deliver(delivery, cancellationToken).ConfigureAwait(false);
        }
    }
}
