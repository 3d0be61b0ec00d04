using System.Text.Json;
using Switchboard.Api.Problems;
using Switchboard.Calls.Engine;
using Switchboard.Calls.Verbs;

namespace Switchboard.Api.V1.Calls;

/// <summary>
/// Reads jambonz's verbs and live control that act on the call's SIP dialog: <c>sip:request</c>, <c>sip:refer</c>
/// and <c>PUT Calls/{sid}</c>'s <c>sip_request</c>. Every value is checked before anything is sent, so a bad one is a
/// 400 naming its field rather than a malformed SIP message.
/// </summary>
public static class SipVerbReader
{
    /// <summary>The longest body a request in the dialog may carry: it must fit a UDP datagram with its headers.</summary>
    public const int MaxBodyLength = 8192;

    /// <summary>jambonz <c>sip:request</c>: <c>method</c> (INFO, MESSAGE, NOTIFY ...), <c>body</c>, <c>headers</c> (Content-Type among them).</summary>
    public static SipRequestVerb ReadRequest(JsonElement verb, string path, string? actionHook)
    {
        var headers = ReadHeaders(verb, path + ".headers", out var contentType);
        return new SipRequestVerb(ReadInDialog(verb, path, "body", contentType, headers), actionHook);
    }

    /// <summary>jambonz live control <c>sip_request</c>: <c>{method, content_type, content, headers}</c>.</summary>
    public static InDialogRequest ReadLive(JsonElement body, string path)
    {
        var request = JsonFields.RequireObject(body, "sip_request", path);
        var headers = ReadHeaders(request, path + ".headers", out var headerType);
        var contentType = JsonFields.OptionalString(request, "content_type", path + ".content_type");
        if (contentType is not null && (contentType.Length is 0 or > 128 || !SipSyntax.IsHeaderValue(contentType) || !contentType.Contains('/', StringComparison.Ordinal)))
        {
            throw new ValidationException(path + ".content_type", "must be a media type such as application/json");
        }

        return ReadInDialog(request, path, "content", contentType ?? headerType, headers);
    }

    /// <summary>
    /// jambonz <c>sip:refer</c>: <c>referTo</c> (required) and <c>referredBy</c>, each a SIP or tel URI (in angle brackets
    /// with a display name or not) or a phone number or user name; <c>referredByDisplayName</c>; <c>headers</c>.
    /// </summary>
    public static ReferVerb ReadRefer(JsonElement verb, string path, string? actionHook, string? eventHook)
    {
        var referTo = ReadAddress(verb, "referTo", path) ?? throw new ValidationException(path + ".referTo", "is required");
        return new ReferVerb(referTo, actionHook)
        {
            ReferredBy = ReadAddress(verb, "referredBy", path),
            ReferredByDisplayName = JsonFields.OptionalString(verb, "referredByDisplayName", path + ".referredByDisplayName") is { } name
                ? SipSyntax.IsDisplayName(name) ? name : throw new ValidationException(path + ".referredByDisplayName", "must be at most 128 characters without control characters")
                : null,
            Headers = ReadHeaders(verb, path + ".headers", out var contentType) is var headers && contentType is null
                ? headers
                : throw new ValidationException(path + ".headers.Content-Type", "a REFER carries no body"),
            EventHook = eventHook,
        };
    }

    private static InDialogRequest ReadInDialog(JsonElement owner, string path, string bodyName, string? contentType, List<KeyValuePair<string, string>> headers)
    {
        var method = JsonFields.RequireString(owner, "method", path + ".method").ToUpperInvariant();
        if (!InDialogRequest.CanSend(method))
        {
            throw new ValidationException(path + ".method",
                "must be a SIP method such as INFO, MESSAGE or NOTIFY (INVITE, ACK, BYE, CANCEL, PRACK, UPDATE, REFER, SUBSCRIBE and REGISTER belong to the call itself)");
        }

        var body = JsonFields.OptionalString(owner, bodyName, path + "." + bodyName);
        if (body is { Length: > MaxBodyLength })
        {
            throw new ValidationException(path + "." + bodyName, $"must be at most {MaxBodyLength} characters");
        }

        return new InDialogRequest(method) { Headers = headers, ContentType = contentType, Body = body };
    }

    /// <summary>Headers for a request in the dialog: those the dialog writes itself (From, To, Refer-To ...) are refused by name.</summary>
    private static List<KeyValuePair<string, string>> ReadHeaders(JsonElement owner, string path, out string? contentType)
    {
        var headers = SipHeadersReader.ReadWithContentType(owner, path, out contentType);
        foreach (var header in headers)
        {
            if (InDialogRequest.IsDialogHeader(header.Key))
            {
                throw new ValidationException(path + "." + header.Key, "is set by Switchboard itself and cannot be replaced");
            }
        }

        return headers;
    }

    private static string? ReadAddress(JsonElement verb, string name, string path)
    {
        var value = JsonFields.OptionalString(verb, name, path + "." + name);
        if (value is null)
        {
            return null;
        }

        if (!IsAddress(value.Trim()))
        {
            throw new ValidationException(path + "." + name, "must be a SIP or tel URI (optionally \"Name\" <sip:...>), or a phone number or user name");
        }

        return value.Trim();
    }

    /// <summary>RFC 3515 §2.1 / RFC 3892: a name-addr or addr-spec; a bare user is completed with the peer's host.</summary>
    private static bool IsAddress(string value)
    {
        if (value.Length is 0 or > 512 || value.Any(char.IsControl))
        {
            return false;
        }

        var open = value.IndexOf('<', StringComparison.Ordinal);
        if (open >= 0)
        {
            var display = value[..open].Trim();
            var displayOk = display.Length == 0 || (display.Length >= 2 && display.StartsWith('"') && display.EndsWith('"') && SipSyntax.IsDisplayName(display[1..^1]) && !display[1..^1].Contains('"', StringComparison.Ordinal));
            return displayOk && value.EndsWith('>') && IsUri(value[(open + 1)..^1]);
        }

        return IsUri(value) || SipSyntax.IsUser(value);
    }

    private static bool IsUri(string value) =>
        SipSyntax.IsSipUri(value)
        || (value.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) && value.Length <= 64 && !value.Any(c => char.IsWhiteSpace(c) || c is '<' or '>' or '"'));
}
