using System.Text.Json;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.Hooks;
using Switchboard.Calls.Verbs;

namespace Switchboard.Api.V1.Calls;

/// <summary>Validates a create-call body field by field; the first invalid field is reported by name.</summary>
public static class CreateCallRequestReader
{
    /// <summary>Seconds a call rings when the request names no <c>timeout</c> (seed 003).</summary>
    public const int DefaultRingTimeoutSeconds = 60;

    /// <summary>Headers the SIP stack writes itself: an application may not replace them.</summary>
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Via", "From", "To", "Call-ID", "CSeq", "Contact", "Content-Length", "Content-Type", "Max-Forwards",
        "Route", "Record-Route", "v", "f", "t", "i", "m", "l", "c",
    };

    /// <exception cref="ValidationException">A field is missing or invalid.</exception>
    public static CreateCallRequest Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new ValidationException("$", "the body must be a JSON object");
        }

        var applicationSid = JsonFields.OptionalString(body, "application_sid", "application_sid");
        var callHook = HookReader.Optional(body, "call_hook", "call_hook");
        if (applicationSid is null && callHook is null)
        {
            throw new ValidationException("application_sid", "is required (or give call_hook inline)");
        }

        var from = JsonFields.RequireString(body, "from", "from");
        if (!SipSyntax.IsUser(from))
        {
            throw new ValidationException("from", "must be a number or a SIP user name (no spaces, '@' or '<>')");
        }

        var fromHost = JsonFields.OptionalString(body, "fromHost", "fromHost");
        if (fromHost is not null && !SipSyntax.IsHost(fromHost))
        {
            throw new ValidationException("fromHost", "must be a host name or an IP address");
        }

        var callerName = JsonFields.OptionalString(body, "callerName", "callerName");
        if (callerName is not null && !SipSyntax.IsDisplayName(callerName))
        {
            throw new ValidationException("callerName", "must be at most 128 printable characters");
        }

        var ringTimeout = JsonFields.OptionalNumber(body, "timeout", "timeout", 1, 600) ?? DefaultRingTimeoutSeconds;
        var timeLimit = JsonFields.OptionalNumber(body, "timeLimit", "timeLimit", 1, 86_400);
        return new CreateCallRequest(
            applicationSid,
            callHook,
            HookReader.Optional(body, "call_status_hook", "call_status_hook"),
            from,
            fromHost,
            callerName,
            ReadTo(body),
            TimeSpan.FromSeconds(ringTimeout),
            timeLimit is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            JsonFields.OptionalObject(body, "tag", "tag")?.Clone(),
            ReadHeaders(body),
            new SpeechDefaults(
                JsonFields.OptionalString(body, "speech_synthesis_vendor", "speech_synthesis_vendor"),
                JsonFields.OptionalString(body, "speech_synthesis_language", "speech_synthesis_language"),
                JsonFields.OptionalString(body, "speech_synthesis_voice", "speech_synthesis_voice"),
                Gender: null),
            AmdRequestReader.Read(body, "amd"));
    }

    private static CallTo ReadTo(JsonElement body)
    {
        var to = JsonFields.RequireObject(body, "to", "to");
        var type = JsonFields.RequireString(to, "type", "to.type");
        var trunk = JsonFields.OptionalString(to, "trunk", "to.trunk");
        switch (type)
        {
            case "phone":
                var number = JsonFields.RequireString(to, "number", "to.number");
                if (!SipSyntax.IsPhoneNumber(number))
                {
                    throw new ValidationException("to.number", "must be digits with an optional leading '+'");
                }

                return new CallTo(type, number, trunk, null, null);
            case "sip":
                var uri = JsonFields.RequireString(to, "sipUri", "to.sipUri");
                if (!SipSyntax.IsSipUri(uri))
                {
                    throw new ValidationException("to.sipUri", "must be a sip: or sips: URI such as sip:alice@example.com");
                }

                return new CallTo(type, null, trunk, uri, null);
            case "user":
                var name = JsonFields.RequireString(to, "name", "to.name");
                if (!SipSyntax.IsUser(name))
                {
                    throw new ValidationException("to.name", "must be a SIP client's user name");
                }

                return new CallTo(type, null, trunk, null, name);
            default:
                throw new ValidationException("to.type", $"unknown type '{type}' (expected phone, sip or user)");
        }
    }

    private static List<KeyValuePair<string, string>> ReadHeaders(JsonElement body)
    {
        var headers = new List<KeyValuePair<string, string>>();
        if (JsonFields.OptionalObject(body, "headers", "headers") is not { } given)
        {
            return headers;
        }

        foreach (var header in given.EnumerateObject())
        {
            var path = "headers." + header.Name;
            if (!SipSyntax.IsHeaderName(header.Name))
            {
                throw new ValidationException(path, "is not a valid SIP header name");
            }

            if (ReservedHeaders.Contains(header.Name))
            {
                throw new ValidationException(path, "is set by Switchboard itself and cannot be replaced");
            }

            var value = JsonFields.RequireString(given, header.Name, path);
            if (!SipSyntax.IsHeaderValue(value))
            {
                throw new ValidationException(path, "must be at most 1024 characters without line breaks");
            }

            headers.Add(new KeyValuePair<string, string>(header.Name, value));
        }

        return headers;
    }
}
