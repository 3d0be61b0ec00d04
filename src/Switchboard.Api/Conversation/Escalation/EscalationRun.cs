using System.Text.Json;
using System.Threading.Channels;
using Switchboard.Api.Json;
using Switchboard.Api.Problems;
using Switchboard.Calls.Engine;
using Switchboard.Storage.Escalations;
using Switchboard.Webhooks.Delivery;
using Switchboard.Webhooks.Outbox;

namespace Switchboard.Api.Conversation.Escalation;

/// <summary>
/// One escalation's loop. It owns its timer and the call of its live attempt; everything that happens (a COLLECT's
/// keys, a call's end, the wait between two tries, DELETE) is a message on its one channel, handled in order, so its
/// state needs no lock. Every change is stored before the loop acts on it, and each outcome post is written to the
/// outbox in the same transaction as the change that owes it, so a restart neither loses nor repeats one.
/// </summary>
internal sealed class EscalationRun
{
    private readonly Channel<EscalationMessage> _inbox = Channel.CreateUnbounded<EscalationMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConversationRequest _request;
    private readonly EscalationPlan _plan;
    private readonly EscalationServices _services;
    private readonly IEscalationCalls _calls;
    private readonly WebhookQueue _posts;
    private EscalationRecord _record;
    private ITimer? _timer;

    public EscalationRun(EscalationRecord record, ConversationRequest request, IEscalationCalls calls, EscalationServices services)
    {
        _calls = calls;
        _record = record;
        _request = request;
        _plan = EscalationPlan.Of(request.Phone, request.Escalation ?? throw new ArgumentException("the request has no escalation", nameof(request)));
        _services = services;
        _posts = services.Outbox.OpenQueue(record.Sid, record.AccountSid);
    }

    public string Sid => _record.Sid;

    /// <summary>The attempt whose call is live (the last one, while it has no result).</summary>
    private EscalationAttemptRecord? Live => _record.Attempts is [.., { Result: null } last] ? last : null;

    public void Post(EscalationMessage message) => _inbox.Writer.TryWrite(message);

    /// <summary>
    /// Places the first attempt (to <c>to</c>) while the request waits, then stores the escalation with it. A refusal
    /// (no route, a limit) is thrown and nothing is stored, as for a plain conversation.
    /// </summary>
    public async Task<PlacedCall> StartAsync(CancellationToken cancellationToken)
    {
        var attempt = NewAttempt(new EscalationStep.Call(0, 1, _services.Time.GetUtcNow()));
        var placed = await _calls.PlaceAsync(attempt, _inbox.Writer, cancellationToken).ConfigureAwait(false);
        _record = _record with { Attempts = [attempt with { StartedAt = placed.CreatedAt }] };
        try
        {
            await _services.Store.InsertAsync(_record, CancellationToken.None).ConfigureAwait(false);
        }
        catch
        {
            _calls.Hangup(placed.Sid);
            throw;
        }

        return placed;
    }

    /// <summary>Lets go of what <see cref="StartAsync"/> prepared when it failed: the loop will not run.</summary>
    public void Abandon()
    {
        _inbox.Writer.TryComplete();
        _posts.Complete();
    }

    /// <summary>
    /// Runs until the escalation has its final outcome. <paramref name="resumed"/>: a previous run left it unfinished,
    /// so an attempt without a result was cut by the restart and counts as failed. When
    /// <paramref name="cancellationToken"/> fires (shutdown) the loop stops where it is and the escalation stays
    /// running in the store, to resume at the next start.
    /// </summary>
    public async Task RunAsync(bool resumed, CancellationToken cancellationToken)
    {
        try
        {
            if (resumed)
            {
                await ResumeAsync().ConfigureAwait(false);
            }

            while (_record.State == EscalationStates.Running)
            {
                var message = await _inbox.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                await HandleAsync(message).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Suspended for shutdown: the stored state is where the next start picks it up.
        }
        catch (Exception exception)
        {
            Log.Crashed(_services.Logger, exception, Sid);
        }
        finally
        {
            _timer?.Dispose();
            _inbox.Writer.TryComplete();
            _posts.Complete();
        }
    }

    private async Task ResumeAsync()
    {
        if (Live is { } cut)
        {
            Log.AttemptCut(_services.Logger, Sid, cut.Number);
            await EndAttemptAsync(EscalationResults.Failed).ConfigureAwait(false);
            return;
        }

        var step = _plan.Next(_record.Attempts, _services.Time.GetUtcNow());
        await TakeAsync(step, null).ConfigureAwait(false);
    }

    private async Task HandleAsync(EscalationMessage message)
    {
        switch (message)
        {
            case EscalationMessage.AttemptDue due when Live is null && due.Number == _record.Attempts.Count + 1:
                if (_plan.Next(_record.Attempts, _services.Time.GetUtcNow()) is EscalationStep.Call call)
                {
                    await PlaceNextAsync(call).ConfigureAwait(false);
                }

                break;
            case EscalationMessage.KeysCollected keys when Live?.CallSid == keys.CallSid:
                if (_plan.Judge(keys.Digits) is { } verdict)
                {
                    await EndAttemptAsync(verdict).ConfigureAwait(false);
                }

                break;
            case EscalationMessage.CallEnded ended when Live?.CallSid == ended.CallSid:
                await EndAttemptAsync(EscalationResults.OfCall(ended.Status)).ConfigureAwait(false);
                break;
            case EscalationMessage.StopRequested:
                await StopAsync().ConfigureAwait(false);
                break;
        }
    }

    /// <summary>The live attempt ended with <paramref name="result"/>: store it (with its outcome post) and take the next step.</summary>
    private async Task EndAttemptAsync(string result)
    {
        var now = _services.Time.GetUtcNow();
        var attempt = Live! with { Result = result, EndedAt = now };
        _record = _record with { Attempts = [.. _record.Attempts.SkipLast(1), attempt] };
        var step = _plan.Next(_record.Attempts, now);
        if (result == EscalationResults.Rejected)
        {
            await TakeAsync(step, attempt, Outcome(EscalationResults.Rejected, attempt)).ConfigureAwait(false);
        }
        else
        {
            await TakeAsync(step, attempt).ConfigureAwait(false);
        }
    }

    /// <summary>Stores <paramref name="changed"/> with what <paramref name="step"/> makes of the escalation, then acts on it.</summary>
    private async Task TakeAsync(EscalationStep step, EscalationAttemptRecord? changed, WebhookDelivery? post = null)
    {
        var now = _services.Time.GetUtcNow();
        switch (step)
        {
            case EscalationStep.End end:
                // A reject that was the last chance posts Rejected (stored with the attempt), then the final outcome.
                if (post is not null)
                {
                    await SaveAsync(changed, post).ConfigureAwait(false);
                }

                await FinishAsync(end.Outcome, post is null ? changed : null, changed).ConfigureAwait(false);
                break;
            case EscalationStep.Call call when call.DueAt > now:
                _record = _record with { NextAttemptAt = call.DueAt };
                await SaveAsync(changed, post).ConfigureAwait(false);
                Arm(call.DueAt - now, _record.Attempts.Count + 1);
                break;
            case EscalationStep.Call call:
                await SaveAsync(changed, post).ConfigureAwait(false);
                await PlaceNextAsync(call).ConfigureAwait(false);
                break;
        }
    }

    private async Task PlaceNextAsync(EscalationStep.Call step)
    {
        var attempt = NewAttempt(step);
        // Stored before the INVITE goes: a crash from here on finds the attempt and counts it failed.
        _record = _record with { NextAttemptAt = null, Attempts = [.. _record.Attempts, attempt] };
        await SaveAsync(attempt, null).ConfigureAwait(false);
        try
        {
            await _calls.PlaceAsync(attempt, _inbox.Writer, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception refusal) when (EngineRefusal.Is(refusal))
        {
            Log.AttemptNotPlaced(_services.Logger, Sid, attempt.Number, attempt.Recipient, refusal.Message);
            await EndAttemptAsync(EscalationResults.Failed).ConfigureAwait(false);
        }
    }

    private async Task StopAsync()
    {
        _timer?.Dispose();
        if (Live is { } live)
        {
            _calls.Hangup(live.CallSid);
            var stopped = live with { Result = EscalationResults.Stopped, EndedAt = _services.Time.GetUtcNow() };
            _record = _record with { Attempts = [.. _record.Attempts.SkipLast(1), stopped] };
            await FinishAsync(EscalationResults.Stopped, stopped, stopped).ConfigureAwait(false);
            return;
        }

        await FinishAsync(EscalationResults.Stopped, null, _record.Attempts.LastOrDefault()).ConfigureAwait(false);
    }

    /// <summary>The final outcome: stored with its post in one transaction, exactly once.</summary>
    private async Task FinishAsync(string outcome, EscalationAttemptRecord? changed, EscalationAttemptRecord? subject)
    {
        _timer?.Dispose();
        var now = _services.Time.GetUtcNow();
        _record = _record with { State = EscalationStates.Ended, Outcome = outcome, NextAttemptAt = null, EndedAt = now };
        await SaveAsync(changed, Outcome(outcome, subject ?? _record.Attempts.LastOrDefault())).ConfigureAwait(false);
        Log.Ended(_services.Logger, Sid, outcome);
    }

    private async Task SaveAsync(EscalationAttemptRecord? attempt, WebhookDelivery? post)
    {
        var message = post is null ? null : _posts.ToMessage(post, _services.Time.GetUtcNow());
        var id = await _services.Store.SaveAsync(_record, attempt, message, CancellationToken.None).ConfigureAwait(false);
        if (message is not null)
        {
            _posts.EnqueueStored(message with { Id = id });
        }
    }

    private WebhookDelivery? Outcome(string name, EscalationAttemptRecord? subject)
    {
        if (_request.Callback is not { } callback)
        {
            return null;
        }

        var payload = new EscalationOutcomePayload(
            Sid,
            new EscalationOutcome(name, _services.Time.GetUtcNow()),
            subject?.Recipient,
            subject?.Attempt,
            EscalationViews.Attempts(_record.Attempts));
        var body = WebhookJson.Serialize(payload, EscalationJsonContext.Default.EscalationOutcomePayload);
        return new WebhookDelivery(callback.Url, body) { AccountSid = _record.AccountSid, Event = "escalation:" + name, FallbackUrl = callback.FallbackUrl };
    }

    private EscalationAttemptRecord NewAttempt(EscalationStep.Call step) => new(
        _record.Attempts.Count + 1, step.RecipientIndex, _plan.People[step.RecipientIndex], step.Attempt, Guid.NewGuid().ToString(), _services.Time.GetUtcNow());

    private void Arm(TimeSpan due, int number)
    {
        _timer?.Dispose();
        _timer = _services.Time.CreateTimer(
            static state =>
            {
                var (writer, message) = ((ChannelWriter<EscalationMessage>, EscalationMessage))state!;
                writer.TryWrite(message);
            },
            (_inbox.Writer, (EscalationMessage)new EscalationMessage.AttemptDue(number)),
            due,
            Timeout.InfiniteTimeSpan);
    }
}
