namespace Switchboard.Api.Problems;

/// <summary>
/// The RFC 3261 §25.1 character rules for what an API request puts into an INVITE, checked before anything is
/// sent so a bad value is a 400 naming the field rather than a malformed SIP message.
/// </summary>
public static class SipSyntax
{
    private const string UserMarks = "-_.!~*'()&=+$,;?/";
    private const string TokenMarks = "-.!%*_+`'~";

    /// <summary>A URI user part: unreserved and user-unreserved characters (no escapes accepted here).</summary>
    public static bool IsUser(string value) =>
        value.Length is > 0 and <= 128 && value.All(c => char.IsAsciiLetterOrDigit(c) || UserMarks.Contains(c, StringComparison.Ordinal));

    public static bool IsPhoneNumber(string value)
    {
        var digits = value.StartsWith('+') ? value.AsSpan(1) : value.AsSpan();
        return digits.Length is > 0 and <= 32 && !digits.ContainsAnyExcept("0123456789");
    }

    /// <summary>A host name, an IPv4 address, or an IPv6 reference in brackets.</summary>
    public static bool IsHost(string value)
    {
        if (value.Length is 0 or > 253)
        {
            return false;
        }

        if (value.StartsWith('[') && value.EndsWith(']'))
        {
            return System.Net.IPAddress.TryParse(value.AsSpan(1, value.Length - 2), out _);
        }

        return value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.') && !value.StartsWith('-') && !value.StartsWith('.');
    }

    /// <summary>A display name is written quoted (RFC 3261 §25.1 quoted-string); control characters cannot be.</summary>
    public static bool IsDisplayName(string value) => value.Length <= 128 && !value.Any(char.IsControl);

    public static bool IsSipUri(string value)
    {
        var rest = value.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) ? value[4..]
            : value.StartsWith("sips:", StringComparison.OrdinalIgnoreCase) ? value[5..]
            : null;
        return rest is { Length: > 0 and <= 512 } && !rest.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or '"');
    }

    public static bool IsHeaderName(string value) =>
        value.Length is > 0 and <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || TokenMarks.Contains(c, StringComparison.Ordinal));

    public static bool IsHeaderValue(string value) => value.Length <= 1024 && !value.Any(c => c is '\r' or '\n' or '\0');
}
