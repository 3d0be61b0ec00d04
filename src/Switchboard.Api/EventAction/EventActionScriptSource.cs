using System.Text.Json;
using Switchboard.Api.Problems;
using Switchboard.Calls.Engine;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Amd;
using Switchboard.Webhooks.Delivery;
using Switchboard.Webhooks.Outbox;
using Switchboard.Webhooks.Replies;

namespace Switchboard.Api.EventAction;

/// <summary>
/// Seed 004's way of running a call: every event is posted to the call's callback URL and the answer is the next
/// action. Inbound calls start with ACCEPTED (answered by ANSWER, REJECT or HANGUP), outbound ones with ANSWERED;
/// each action's verbs then run, and the result of its reporting verb is the next event, stamped with the action's
/// <c>transactionId</c>. An answer that is not a valid action is reported in a FAILURE event, whose own answer is
/// the next chance; an answer with no action ends the call; an event the application does not answer (an error
/// status, a timeout, no connection) ends it too. Events are posted one at a time, in order.
/// </summary>
public sealed class EventActionScriptSource(
    EventActionContext context,
    ActionReader reader,
    WebhookOutbox outbox,
    TimeProvider timeProvider) : IScriptSource, IAmdHook
{
    private readonly SemaphoreSlim _posting = new(1, 1);
    private readonly Lock _gate = new();
    private readonly Dictionary<Verb, string> _transactions = new(ReferenceEqualityComparer.Instance);
    private string? _lastTransaction;

    private enum Phase
    {
        /// <summary>An inbound call offered and not answered: only ANSWER, REJECT and HANGUP make sense.</summary>
        Offered,

        Answered,
    }

    public async ValueTask<IReadOnlyList<Verb>> StartAsync(CallSnapshot call, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        return call.Direction == "inbound"
            ? await AskAsync(call, EventNames.Accepted, null, writer => writer.WriteString("offeredTime", EventBody.Time(call.CreatedAt)), Phase.Offered, cancellationToken).ConfigureAwait(false) ?? []
            : await AskAsync(call, EventNames.Answered, null, writer => ResultEvents.AnsweredMembers(writer, call, now), Phase.Answered, cancellationToken).ConfigureAwait(false) ?? [];
    }

    public async ValueTask<IReadOnlyList<Verb>?> OnVerbResultAsync(CallSnapshot call, VerbResult result, CancellationToken cancellationToken)
    {
        string? transaction;
        lock (_gate)
        {
            _transactions.Remove(result.Verb, out transaction);
        }

        if (transaction is null || ResultEvents.Describe(result, call, context, timeProvider.GetUtcNow()) is not { } described)
        {
            // A verb that reports nothing of its own (a RECORD's prompt): the action goes on.
            return null;
        }

        if (call.Status.IsFinal())
        {
            // A result owed after the call ended (a recording, a patch the caller hung up): nothing is left to run.
            await TellAsync(call, described.Name, transaction, described.Members, cancellationToken).ConfigureAwait(false);
            return null;
        }

        return await AskAsync(call, described.Name, transaction, described.Members, Phase.Answered, cancellationToken).ConfigureAwait(false) ?? [];
    }

    /// <summary>
    /// VMDETECTED once a machine answered an outbound call; its answer (a PLAY, as the seed expects: the message
    /// for the voicemail) replaces what runs. An answer without an action lets the call go on.
    /// </summary>
    public async ValueTask<IReadOnlyList<Verb>?> OnAmdEventAsync(CallSnapshot call, AmdEvent amdEvent, CancellationToken cancellationToken)
    {
        if (amdEvent.Kind != AmdEventKind.MachineDetected || call.Status.IsFinal())
        {
            return null;
        }

        string? running;
        lock (_gate)
        {
            running = _lastTransaction;
        }

        var verbs = await AskAsync(call, EventNames.VoicemailDetected, running, null, Phase.Answered, cancellationToken).ConfigureAwait(false);
        return verbs is { Count: > 0 } ? verbs : null;
    }

    /// <summary>Posts an event and reads the next action; null when the answer holds none.</summary>
    /// <exception cref="InvalidOperationException">The application did not answer, or answered twice with no valid action.</exception>
    private async Task<IReadOnlyList<Verb>?> AskAsync(
        CallSnapshot call, string eventName, string? transaction, Action<Utf8JsonWriter>? members, Phase phase, CancellationToken cancellationToken)
    {
        await _posting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var reply = await PostAsync(call, eventName, transaction, members, cancellationToken).ConfigureAwait(false);
            var (plan, problem) = Read(reply, eventName, phase);
            if (problem is null)
            {
                return Adopt(plan);
            }

            // The application hears what was wrong, and its answer to that is its second chance.
            var failed = Guid.NewGuid().ToString();
            reply = await PostAsync(call, EventNames.Failure, failed, writer => WriteFailure(writer, problem), cancellationToken).ConfigureAwait(false);
            (plan, var again) = Read(reply, EventNames.Failure, phase);
            return again is null
                ? Adopt(plan)
                : throw new InvalidOperationException($"the callback URL answered {EventNames.Failure} with no valid action either: {again.Message}");
        }
        finally
        {
            _posting.Release();
        }
    }

    /// <summary>Posts an event whose answer nothing waits for.</summary>
    private async Task TellAsync(CallSnapshot call, string eventName, string transaction, Action<Utf8JsonWriter> members, CancellationToken cancellationToken)
    {
        await _posting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await PostAsync(call, eventName, transaction, members, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _posting.Release();
        }
    }

    /// <exception cref="InvalidOperationException">The callback URL answered with an error status.</exception>
    private async Task<WebhookReply> PostAsync(CallSnapshot call, string eventName, string? transaction, Action<Utf8JsonWriter>? members, CancellationToken cancellationToken)
    {
        var body = EventBody.Build(eventName, call, context, transaction, timeProvider.GetUtcNow(), members);
        var delivery = new WebhookDelivery(context.CallbackUrl, body) { AccountSid = call.AccountSid, CallSid = call.Sid, Event = "event:" + eventName };
        var reply = await outbox.PostForReplyAsync(delivery, outbox.Options.ReplyTimeout, cancellationToken).ConfigureAwait(false);
        return reply.IsSuccess ? reply : throw new InvalidOperationException($"the callback URL answered {eventName} with HTTP {reply.StatusCode}");
    }

    private IReadOnlyList<Verb>? Adopt(ActionPlan? plan)
    {
        if (plan is null)
        {
            return null;
        }

        var transaction = Guid.NewGuid().ToString();
        lock (_gate)
        {
            _lastTransaction = transaction;
            if (plan.Reporter is { } reporter)
            {
                _transactions[reporter] = transaction;
            }
        }

        return plan.Verbs;
    }

    /// <summary>The action in the answer, or why it is not one that can run now.</summary>
    private (ActionPlan? Plan, ValidationException? Problem) Read(WebhookReply reply, string eventName, Phase phase)
    {
        if (reply.Body.Length == 0)
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(reply.Body);
            JsonUnicode.Validate(document.RootElement);
            var plan = reader.Read(document.RootElement);
            return (plan, plan is null ? null : Misplaced(plan, eventName, phase));
        }
        catch (JsonException invalid)
        {
            return (null, new ValidationException("$", "the answer is not JSON: " + invalid.Message));
        }
        catch (ValidationException invalid)
        {
            return (null, invalid);
        }
    }

    private static ValidationException? Misplaced(ActionPlan plan, string eventName, Phase phase) => (phase, plan.Action) switch
    {
        (Phase.Offered, ActionNames.Answer or ActionNames.Reject or ActionNames.Hangup) => null,
        (Phase.Offered, _) => new ValidationException("action", $"{plan.Action} cannot answer {eventName}: the call is not answered yet (ANSWER, REJECT or HANGUP)"),
        (Phase.Answered, ActionNames.Answer) => new ValidationException("action", $"ANSWER is valid only in answer to {EventNames.Accepted}"),
        _ => null,
    };

    private static void WriteFailure(Utf8JsonWriter writer, ValidationException problem)
    {
        writer.WriteString("status", ResultEvents.Failure);
        writer.WriteString("reason", problem.Message);
        writer.WriteString("field", problem.Error.Field);
        EventBody.WriteError(writer, null, problem.Error.Message);
    }
}
