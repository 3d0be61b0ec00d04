using System.Text.Json;
using Switchboard.Api.Problems;

namespace Switchboard.Api.Conversation.Escalation;

/// <summary>Reads and validates the request's <c>escalation</c> object, failing on the first bad field.</summary>
public static class EscalationReader
{
    public const int DefaultAttempts = 1;

    public const int MaxAttempts = 10;

    public const int DefaultRetryAfterSeconds = 30;

    public const int MaxRetryAfterSeconds = 3600;

    /// <summary>The seed's keys, used when the request names neither <c>accept</c> nor <c>reject</c>.</summary>
    public const string DefaultAccept = "1";

    public const string DefaultReject = "2";

    private const string Keys = "0123456789*#";

    /// <summary>
    /// The escalation, or null when there is none or it asks for nothing beyond the conversation (no recipients and
    /// one attempt): that request is an ordinary conversation.
    /// </summary>
    /// <exception cref="ValidationException">A field is invalid.</exception>
    public static EscalationRequest? Read(JsonElement body)
    {
        if (JsonFields.OptionalObject(body, "escalation", "escalation") is not { } escalation)
        {
            return null;
        }

        var recipients = ReadRecipients(escalation);
        var attempts = JsonFields.OptionalWholeNumber(escalation, "attempts", "escalation.attempts", 1, MaxAttempts) ?? DefaultAttempts;

        var retryAfter = JsonFields.OptionalNumber(escalation, "retryAfter", "escalation.retryAfter", 0, MaxRetryAfterSeconds) ?? DefaultRetryAfterSeconds;
        var accept = ReadKeys(escalation, "accept");
        var reject = ReadKeys(escalation, "reject");
        if (accept is null && reject is null)
        {
            (accept, reject) = (DefaultAccept, DefaultReject);
        }

        accept ??= string.Empty;
        reject ??= string.Empty;
        if (accept.Length == 0)
        {
            throw new ValidationException("escalation.accept", "must name at least one key (e.g. \"1\")");
        }

        if (reject.FirstOrDefault(accept.Contains) is var shared and not '\0')
        {
            throw new ValidationException("escalation.reject", $"the key {shared} is also in accept");
        }

        if (recipients.Count == 0 && attempts == 1)
        {
            return null;
        }

        return new EscalationRequest(recipients, attempts, TimeSpan.FromSeconds(retryAfter), accept, reject);
    }

    private static List<string> ReadRecipients(JsonElement escalation)
    {
        var recipients = new List<string>();
        if (!escalation.TryGetProperty("recipients", out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return recipients;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new ValidationException("escalation.recipients", "must be an array of {\"phone\": ...}");
        }

        var index = 0;
        foreach (var recipient in list.EnumerateArray())
        {
            var path = $"escalation.recipients[{index++}]";
            if (recipient.ValueKind != JsonValueKind.Object)
            {
                throw new ValidationException(path, "must be an object with a phone");
            }

            var phone = JsonFields.RequireString(recipient, "phone", path + ".phone");
            if (!SipSyntax.IsPhoneNumber(phone))
            {
                throw new ValidationException(path + ".phone", "must be a phone number (digits, optionally with a leading +)");
            }

            recipients.Add(phone);
        }

        return recipients;
    }

    private static string? ReadKeys(JsonElement escalation, string name)
    {
        var path = "escalation." + name;
        if (JsonFields.OptionalString(escalation, name, path) is not { } keys)
        {
            return null;
        }

        if (keys.FirstOrDefault(key => !Keys.Contains(key, StringComparison.Ordinal)) is var bad and not '\0')
        {
            throw new ValidationException(path, $"'{bad}' is not a key (use 0-9, * and #)");
        }

        return keys;
    }
}
