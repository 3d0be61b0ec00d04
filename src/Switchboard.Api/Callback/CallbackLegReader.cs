using System.Text.Json;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.Calls;

namespace Switchboard.Api.Callback;

/// <summary>Reads one leg (<c>leg_A</c> or <c>leg_B</c>) of a callback request, naming fields by their full path.</summary>
public static class CallbackLegReader
{
    /// <summary>Ring time when the leg gives no <c>timeout</c>.</summary>
    public static readonly TimeSpan DefaultRingTimeout = TimeSpan.FromSeconds(60);

    /// <exception cref="ValidationException">A field of the leg is missing or invalid.</exception>
    public static CallbackLegRequest Read(JsonElement body, string name)
    {
        var leg = JsonFields.RequireObject(body, name, name);
        var to = JsonFields.RequireString(leg, "to", name + ".to").Trim();
        var toIsSipUri = to.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) || to.StartsWith("sips:", StringComparison.OrdinalIgnoreCase);
        if (toIsSipUri ? !SipSyntax.IsSipUri(to) : !SipSyntax.IsPhoneNumber(to))
        {
            throw new ValidationException(name + ".to", "must be a phone number (digits, optionally with a leading +) or a sip: URI");
        }

        var from = JsonFields.RequireString(leg, "from", name + ".from");
        if (!SipSyntax.IsUser(from))
        {
            throw new ValidationException(name + ".from", "must be a number or a SIP user name (no spaces, '@' or '<>')");
        }

        var callerName = JsonFields.OptionalString(leg, "callerName", name + ".callerName");
        if (callerName is not null && !SipSyntax.IsDisplayName(callerName))
        {
            throw new ValidationException(name + ".callerName", "must be at most 128 printable characters");
        }

        var trunk = JsonFields.OptionalString(leg, "trunk", name + ".trunk");
        if (trunk is not null && toIsSipUri)
        {
            throw new ValidationException(name + ".trunk", "routes phone numbers only; a sip: URI is reached directly");
        }

        var ringTimeout = JsonFields.OptionalNumber(leg, "timeout", name + ".timeout", 1, 600) is { } seconds
            ? TimeSpan.FromSeconds(seconds)
            : DefaultRingTimeout;
        return new CallbackLegRequest(
            to,
            toIsSipUri,
            from,
            callerName,
            ringTimeout,
            SipHeadersReader.Read(leg, name + ".headers"),
            trunk,
            JsonFields.OptionalObject(leg, "tag", name + ".tag")?.Clone());
    }

    /// <summary>
    /// Whether two legs reach the same party: the same number (with or without <c>+</c>) through the same
    /// trunk, or the same SIP URI (scheme and host compared without case).
    /// </summary>
    public static bool SameParty(CallbackLegRequest first, CallbackLegRequest second)
    {
        if (first.ToIsSipUri != second.ToIsSipUri)
        {
            return false;
        }

        return first.ToIsSipUri
            ? NormalizeUri(first.To) == NormalizeUri(second.To)
            : first.To.TrimStart('+') == second.To.TrimStart('+') && string.Equals(first.Trunk, second.Trunk, StringComparison.Ordinal);
    }

    // RFC 3261 §19.1.4: the scheme and host compare without case, the user part with it.
    private static string NormalizeUri(string uri)
    {
        var colon = uri.IndexOf(':', StringComparison.Ordinal);
        var rest = uri[(colon + 1)..];
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        return at < 0
            ? rest.ToLowerInvariant()
            : rest[..(at + 1)] + rest[(at + 1)..].ToLowerInvariant();
    }
}
