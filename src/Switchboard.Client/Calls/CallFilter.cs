using System.Globalization;
using System.Text;

namespace Switchboard.Client.Calls;

/// <summary>Which calls a list shows, and which page of them.</summary>
public sealed record CallFilter
{
    /// <summary><c>queued</c>, <c>ringing</c>, <c>in-progress</c>, <c>completed</c>, ...</summary>
    public string? Status { get; init; }

    /// <summary><c>inbound</c> or <c>outbound</c>.</summary>
    public string? Direction { get; init; }

    public string? From { get; init; }

    public string? To { get; init; }

    public DateTimeOffset? Start { get; init; }

    public DateTimeOffset? End { get; init; }

    public string? ApplicationSid { get; init; }

    /// <summary><c>key</c> or <c>key:value</c> of the calls' tag.</summary>
    public string? Tag { get; init; }

    /// <summary>Calls in the page, 1 to 1000.</summary>
    public int? Limit { get; init; }

    /// <summary>The previous page's <see cref="CallPage.NextCursor"/>.</summary>
    public string? Cursor { get; init; }

    internal string ToQuery()
    {
        var query = new StringBuilder();
        Add(query, "status", Status);
        Add(query, "direction", Direction);
        Add(query, "from", From);
        Add(query, "to", To);
        Add(query, "start", Start?.ToString("O", CultureInfo.InvariantCulture));
        Add(query, "end", End?.ToString("O", CultureInfo.InvariantCulture));
        Add(query, "application_sid", ApplicationSid);
        Add(query, "tag", Tag);
        Add(query, "limit", Limit?.ToString(CultureInfo.InvariantCulture));
        Add(query, "cursor", Cursor);
        return query.ToString();
    }

    private static void Add(StringBuilder query, string name, string? value)
    {
        if (value is not null)
        {
            query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
    }
}
