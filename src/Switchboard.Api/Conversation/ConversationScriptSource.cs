using System.Text.Json;
using Switchboard.Api.Json;
using Switchboard.Api.Problems;
using Switchboard.Calls.Engine;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;
using Switchboard.Webhooks.Delivery;
using Switchboard.Webhooks.Outbox;
using Switchboard.Webhooks.Replies;

namespace Switchboard.Api.Conversation;

/// <summary>
/// A static dial plan: the request's verbs, where each COLLECT posts its digits to its <c>eventUrl</c> and an
/// answer <c>{"verbs": [...]}</c> replaces what is left of the plan.
/// </summary>
public sealed class ConversationScriptSource(
    string conversationTrackingId,
    IReadOnlyList<Verb> verbs,
    WebhookOutbox outbox,
    TimeSpan replyTimeout) : IScriptSource
{
    public ValueTask<IReadOnlyList<Verb>> StartAsync(CallSnapshot call, CancellationToken cancellationToken) => ValueTask.FromResult(verbs);

    public async ValueTask<IReadOnlyList<Verb>?> OnVerbResultAsync(CallSnapshot call, VerbResult result, CancellationToken cancellationToken)
    {
        if (result is not GatherResult { Gather.ActionHook: { } eventUrl } gather)
        {
            return null;
        }

        var payload = new CollectPayload(call.Sid, conversationTrackingId, call.From, call.To, gather.Digits);
        var body = WebhookJson.Serialize(payload, ConversationJsonContext.Default.CollectPayload);
        WebhookReply reply;
        try
        {
            reply = await outbox.PostForReplyAsync(new WebhookDelivery(new Uri(eventUrl), body) { AccountSid = call.AccountSid, CallSid = call.Sid, Event = "collect" }, replyTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The application could not be reached: the dial plan goes on as written.
            return null;
        }

        return ReadReplyVerbs(reply);
    }

    private static IReadOnlyList<Verb>? ReadReplyVerbs(WebhookReply reply)
    {
        if (!reply.IsSuccess || reply.Body.Length == 0)
        {
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(reply.Body);
        }
        catch (JsonException)
        {
            return null;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("verbs", out _))
            {
                return null;
            }

            try
            {
                JsonUnicode.Validate(document.RootElement);
                return ConversationVerbReader.ReadAll(document.RootElement, "verbs");
            }
            catch (ValidationException invalid)
            {
                throw new InvalidOperationException("the eventUrl answered with invalid verbs: " + invalid.Message, invalid);
            }
        }
    }
}
