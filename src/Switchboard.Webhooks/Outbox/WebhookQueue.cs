using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Switchboard.Storage.Webhooks;
using Switchboard.Webhooks.Delivery;
using Switchboard.Webhooks.Metrics;

namespace Switchboard.Webhooks.Outbox;

/// <summary>
/// The notifications of one call. The sink's calls return at once (they run on the call's loop); behind them one
/// loop writes each webhook to the outbox in order and a second delivers them strictly in that order, so a later
/// event never overtakes an earlier one: the next is sent only when the previous was delivered or given up.
/// </summary>
public sealed class WebhookQueue
{
    private readonly Channel<QueueItem> _incoming = Channel.CreateUnbounded<QueueItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<PendingWebhook> _outgoing = Channel.CreateUnbounded<PendingWebhook>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly WebhookQueueServices _services;
    private string? _callSid;
    private string? _accountSid;
    private bool _owed;

    internal WebhookQueue(WebhookQueueServices services, CancellationToken cancellationToken)
    {
        _services = services;
        Drained = Task.WhenAll(PersistAsync(cancellationToken), SendAsync(cancellationToken));
    }

    /// <summary>A queue resumed after a restart: <paramref name="pending"/> go first, in order, without being written again.</summary>
    internal WebhookQueue(WebhookQueueServices services, string callSid, string accountSid, bool owed, IEnumerable<PendingWebhook> pending, CancellationToken cancellationToken)
    {
        _services = services;
        (_callSid, _accountSid, _owed) = (callSid, accountSid, owed);
        foreach (var webhook in pending)
        {
            WebhookMetrics.Queued();
            _outgoing.Writer.TryWrite(webhook);
        }

        Drained = Task.WhenAll(PersistAsync(cancellationToken), SendAsync(cancellationToken));
    }

    /// <summary>Completes when <see cref="Complete(WebhookDelivery?)"/> was called and everything queued was handled.</summary>
    public Task Drained { get; }

    /// <summary>
    /// Binds the queue to its call and records that the call's final status is owed, with what the dialect needs to
    /// write it (<paramref name="sinkState"/>) should the process die first. Only the first call counts.
    /// </summary>
    public void OweFinalStatus(string callSid, string accountSid, string dialect, string sinkState)
    {
        if (_callSid is not null)
        {
            return;
        }

        (_callSid, _accountSid, _owed) = (callSid, accountSid, true);
        _incoming.Writer.TryWrite(new QueueItem.Owe(dialect, sinkState));
    }

    public void Enqueue(WebhookDelivery delivery) => _incoming.Writer.TryWrite(new QueueItem.Send(InCallersTrace(delivery)));

    /// <summary>
    /// The outbox row for <paramref name="delivery"/> in this queue, for an owner that writes it in its own transaction
    /// (beside its own state) and then hands it back with <see cref="EnqueueStored"/>. Needs a queue bound to its owner.
    /// </summary>
    public OutboxMessage ToMessage(WebhookDelivery delivery, DateTimeOffset createdAt) =>
        OutboxMessages.ToMessage(Stamp(delivery), _accountSid ?? throw new InvalidOperationException("the queue is not bound to an owner"), _callSid!, createdAt);

    /// <summary>Sends a message already written to the outbox (its <see cref="OutboxMessage.Id"/> set), after what was queued before it.</summary>
    public void EnqueueStored(OutboxMessage message) => _incoming.Writer.TryWrite(new QueueItem.Stored(message));

    /// <summary>
    /// The call has its final status: <paramref name="final"/> (null when the dialect posts nothing for it) is written
    /// in the same transaction that settles the debt, so after a crash it exists exactly once. No more deliveries come.
    /// </summary>
    public void Complete(WebhookDelivery? final)
    {
        _incoming.Writer.TryWrite(new QueueItem.Settle(final is null ? null : InCallersTrace(final)));
        _incoming.Writer.TryComplete();
    }

    /// <summary>The delivery with the activity it is queued in (the call's), whose child its requests become when sent later.</summary>
    private static WebhookDelivery InCallersTrace(WebhookDelivery delivery) =>
        Activity.Current is { } caller ? delivery with { TraceParent = caller.Context } : delivery;

    /// <summary>No more deliveries will come and no final status is owed (the call was never placed).</summary>
    public void Complete() => Complete(null);

    private async Task PersistAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in _incoming.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                var pending = await PersistAsync(item).ConfigureAwait(false);
                if (pending is not null)
                {
                    WebhookMetrics.Queued();
                    _outgoing.Writer.TryWrite(pending);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: what was handed over is still written, to be sent after the next start.
            while (_incoming.Reader.TryRead(out var item))
            {
                await PersistAsync(item).ConfigureAwait(false);
            }
        }
        finally
        {
            _outgoing.Writer.TryComplete();
        }
    }

    /// <summary>
    /// Writes one item. Writes are not canceled by shutdown (a webhook half-written is worse than a late one); a
    /// webhook the database refuses is still sent, it just would not survive a restart.
    /// </summary>
    private async Task<PendingWebhook?> PersistAsync(QueueItem item)
    {
        var now = _services.Time.GetUtcNow();
        var callSid = _callSid ?? string.Empty;
        try
        {
            switch (item)
            {
                case QueueItem.Owe owe:
                    await _services.Store.OweFinalStatusAsync(new OwedFinalStatus(callSid, _accountSid!, owe.Dialect, owe.SinkState, now), CancellationToken.None).ConfigureAwait(false);
                    return null;
                case QueueItem.Send { Delivery: var delivery }:
                    var sent = Stamp(delivery);
                    var id = sent.AccountSid is { } account
                        ? await _services.Store.AddAsync(OutboxMessages.ToMessage(sent, account, callSid, now), CancellationToken.None).ConfigureAwait(false)
                        : 0;
                    return new PendingWebhook(id, callSid, sent, now);
                case QueueItem.Stored { Message: var message }:
                    return OutboxMessages.ToPending(message);
                case QueueItem.Settle { Final: var final }:
                    return await SettleAsync(final is null ? null : Stamp(final), callSid, now).ConfigureAwait(false);
                default:
                    return null;
            }
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException)
        {
            Log.WebhookNotStored(_services.Logger, exception, item is QueueItem.Send send ? send.Delivery.Event : "final status", callSid);
            return item switch
            {
                QueueItem.Send { Delivery: var delivery } => new PendingWebhook(0, callSid, Stamp(delivery), now),
                QueueItem.Settle settle => SettleFromMemory(settle, callSid, now, exception.Message),
                _ => null,
            };
        }
    }

    /// <summary>
    /// The store refused the final status: it is sent from memory, and the debt is cleared once it has been (kept
    /// and retried until the store takes it), so no restart is needed and the next one does not send it again.
    /// Should the process die before the debt is cleared, the next start still settles the call: at least once.
    /// </summary>
    private PendingWebhook? SettleFromMemory(QueueItem.Settle settle, string callSid, DateTimeOffset now, string failure)
    {
        if (settle.Final is not { } final)
        {
            ClearDebt(callSid, failure);
            return null;
        }

        return new PendingWebhook(0, callSid, Stamp(final), now) { DebtFailure = _owed ? failure : null };
    }

    private void ClearDebt(string callSid, string failure)
    {
        if (_owed)
        {
            _services.Writes.Defer("final status " + callSid, token => _services.Store.SettleFinalStatusAsync(callSid, null, token), failure);
        }
    }

    private async Task<PendingWebhook?> SettleAsync(WebhookDelivery? final, string callSid, DateTimeOffset now)
    {
        var message = final?.AccountSid is { } account ? OutboxMessages.ToMessage(final, account, callSid, now) : null;
        long id;
        if (_owed)
        {
            id = await _services.Store.SettleFinalStatusAsync(callSid, message, CancellationToken.None).ConfigureAwait(false);
        }
        else
        {
            id = message is null ? 0 : await _services.Store.AddAsync(message, CancellationToken.None).ConfigureAwait(false);
        }

        return final is null ? null : new PendingWebhook(id, callSid, final, now);
    }

    /// <summary>A queue bound to a call signs with the call's account.</summary>
    private WebhookDelivery Stamp(WebhookDelivery delivery) =>
        delivery.AccountSid is null && _accountSid is not null ? delivery with { AccountSid = _accountSid } : delivery;

    private async Task SendAsync(CancellationToken cancellationToken)
    {
        await foreach (var pending in _outgoing.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await _services.Deliverer.DeliverAsync(pending, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                WebhookMetrics.LeftQueue();
            }

            if (pending.DebtFailure is { } failure)
            {
                ClearDebt(pending.CallSid, failure);
            }
        }
    }
}
