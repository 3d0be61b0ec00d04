using System.Text.Json;
using Switchboard.Api.Conversation.Escalation;
using Switchboard.Api.Problems;

namespace Switchboard.Api.Conversation;

/// <summary>Reads and validates a <c>POST /voice/conversation</c> body (seed 002), failing on the first bad field.</summary>
public static class ConversationRequestReader
{
    /// <summary>Ring time when the request gives no <c>timeout</c>.</summary>
    public static readonly TimeSpan DefaultRingTimeout = TimeSpan.FromSeconds(60);

    /// <exception cref="ValidationException">A field is missing or invalid.</exception>
    public static ConversationRequest Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new ValidationException("$", "the body must be a JSON object");
        }

        var from = JsonFields.RequireString(body, "from", "from");
        var to = JsonFields.RequireObject(body, "to", "to");
        var phone = JsonFields.RequireString(to, "phone", "to.phone");
        if (!SipSyntax.IsPhoneNumber(phone))
        {
            throw new ValidationException("to.phone", "must be a phone number (digits, optionally with a leading +)");
        }

        var dialPlan = JsonFields.RequireObject(body, "dialPlan", "dialPlan");
        var verbs = ConversationVerbReader.ReadAll(dialPlan, "dialPlan.verbs");
        var ringTimeout = JsonFields.OptionalNumber(body, "timeout", "timeout", 1, 600) is { } seconds
            ? TimeSpan.FromSeconds(seconds)
            : DefaultRingTimeout;
        return new ConversationRequest(from, phone, verbs, ReadCallback(body), ringTimeout) { Escalation = EscalationReader.Read(body) };
    }

    /// <summary>The optional <c>callback {url, strategy}</c>; the Callback API reads the same object.</summary>
    /// <exception cref="ValidationException">The URL or the strategy is invalid.</exception>
    public static ConversationCallback? ReadCallback(JsonElement body)
    {
        if (JsonFields.OptionalObject(body, "callback", "callback") is not { } callback)
        {
            return null;
        }

        var url = JsonFields.RequireHttpUrl(callback, "url", "callback.url");
        var strategy = JsonFields.OptionalString(callback, "strategy", "callback.strategy") switch
        {
            null or "OnChange" => CallbackStrategy.OnChange,
            "OnCompletion" => CallbackStrategy.OnCompletion,
            _ => throw new ValidationException("callback.strategy", "must be OnChange or OnCompletion"),
        };
        var fallback = callback.TryGetProperty("fallbackUrl", out _) ? JsonFields.RequireHttpUrl(callback, "fallbackUrl", "callback.fallbackUrl") : null;
        return new ConversationCallback(url, strategy) { FallbackUrl = fallback };
    }
}
