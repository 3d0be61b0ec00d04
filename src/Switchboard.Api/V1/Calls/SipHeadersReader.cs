using System.Text.Json;
using Switchboard.Api.Problems;

namespace Switchboard.Api.V1.Calls;

/// <summary>Reads <c>headers</c>: custom SIP headers for an INVITE, as a JSON object of name → value.</summary>
public static class SipHeadersReader
{
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Via", "From", "To", "Call-ID", "CSeq", "Contact", "Content-Length", "Content-Type", "Max-Forwards",
        "Route", "Record-Route", "v", "f", "t", "i", "m", "l", "c",
    };

    /// <param name="owner">The object that may hold <c>headers</c>.</param>
    /// <param name="path">The path of <c>headers</c> itself, for errors.</param>
    /// <exception cref="ValidationException">A name is not a SIP token, is one the dialog sets, or a value is invalid.</exception>
    public static List<KeyValuePair<string, string>> Read(JsonElement owner, string path) => Read(owner, path, out _, allowContentType: false);

    /// <summary>
    /// Reads <c>headers</c> for a request with a body of the application's (jambonz <c>sip:request</c>): there
    /// <c>Content-Type</c> names the body's type, so it is taken out into <paramref name="contentType"/> instead of refused.
    /// </summary>
    public static List<KeyValuePair<string, string>> ReadWithContentType(JsonElement owner, string path, out string? contentType) =>
        Read(owner, path, out contentType, allowContentType: true);

    private static List<KeyValuePair<string, string>> Read(JsonElement owner, string path, out string? contentType, bool allowContentType)
    {
        contentType = null;
        var headers = new List<KeyValuePair<string, string>>();
        if (JsonFields.OptionalObject(owner, "headers", path) is not { } given)
        {
            return headers;
        }

        foreach (var header in given.EnumerateObject())
        {
            var headerPath = path + "." + header.Name;
            if (!SipSyntax.IsHeaderName(header.Name))
            {
                throw new ValidationException(headerPath, "is not a valid SIP header name");
            }

            if (allowContentType && header.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                contentType = JsonFields.RequireString(given, header.Name, headerPath);
                if (contentType.Length is 0 or > 128 || !SipSyntax.IsHeaderValue(contentType) || !contentType.Contains('/', StringComparison.Ordinal))
                {
                    throw new ValidationException(headerPath, "must be a media type such as application/json");
                }

                continue;
            }

            if (ReservedHeaders.Contains(header.Name))
            {
                throw new ValidationException(headerPath, "is set by Switchboard itself and cannot be replaced");
            }

            var value = JsonFields.RequireString(given, header.Name, headerPath);
            if (!SipSyntax.IsHeaderValue(value))
            {
                throw new ValidationException(headerPath, "must be at most 1024 characters without line breaks");
            }

            headers.Add(new KeyValuePair<string, string>(header.Name, value));
        }

        return headers;
    }
}
