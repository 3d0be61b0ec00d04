using System.Text;
using System.Text.Json;

namespace Switchboard.Webhooks.Delivery;

/// <summary>
/// A JSON object's top-level scalar members as a query string, for hooks that asked for GET. Nested objects
/// and arrays travel as their JSON text.
/// </summary>
internal static class WebhookQueryString
{
    public static Uri Append(Uri url, ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return url;
        }

        var query = new StringBuilder(url.Query.TrimStart('?'));
        foreach (var member in document.RootElement.EnumerateObject())
        {
            var value = member.Value.ValueKind switch
            {
                JsonValueKind.String => member.Value.GetString(),
                JsonValueKind.Null => null,
                _ => member.Value.GetRawText(),
            };
            if (value is null)
            {
                continue;
            }

            query.Append(query.Length == 0 ? string.Empty : "&")
                .Append(Uri.EscapeDataString(member.Name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return new UriBuilder(url) { Query = query.ToString() }.Uri;
    }
}
