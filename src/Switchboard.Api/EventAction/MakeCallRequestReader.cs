using System.Text.Json;
using Switchboard.Api.Problems;

namespace Switchboard.Api.EventAction;

/// <summary>Reads and validates a <c>POST /v1/voice/calls</c> body, failing on the first bad field.</summary>
public static class MakeCallRequestReader
{
    /// <summary>Ring time when the request gives no <c>timeout</c>.</summary>
    public static readonly TimeSpan DefaultRingTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The longest <c>correlationId</c>: it is stored with the call and sent in every event.</summary>
    public const int MaxCorrelationIdLength = 256;

    /// <exception cref="ValidationException">A field is missing or invalid.</exception>
    public static MakeCallRequest Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new ValidationException("$", "the body must be a JSON object");
        }

        var callerId = JsonFields.RequireString(body, "callerId", "callerId");
        if (!SipSyntax.IsUser(callerId))
        {
            throw new ValidationException("callerId", "must be a phone number or a SIP user name (no spaces, @ or :)");
        }

        var dialedNumber = JsonFields.RequireString(body, "dialedNumber", "dialedNumber");
        if (!SipSyntax.IsPhoneNumber(dialedNumber))
        {
            throw new ValidationException("dialedNumber", "must be a phone number (digits, optionally with a leading +)");
        }

        var callbackUrl = JsonFields.RequireHttpUrl(body, "callbackUrl", "callbackUrl");
        var record = JsonFields.OptionalNumber(body, "record", "record", 0, 86_400) is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        var correlationId = JsonFields.OptionalString(body, "correlationId", "correlationId");
        if (correlationId is { Length: > MaxCorrelationIdLength })
        {
            throw new ValidationException("correlationId", $"must be at most {MaxCorrelationIdLength} characters");
        }

        var ringTimeout = JsonFields.OptionalNumber(body, "timeout", "timeout", 1, 600) is { } ring ? TimeSpan.FromSeconds(ring) : DefaultRingTimeout;
        var trunk = JsonFields.OptionalString(body, "trunk", "trunk");
        return new MakeCallRequest(callerId, dialedNumber, callbackUrl, record, correlationId, ringTimeout, trunk);
    }
}
