using System.Globalization;
using Microsoft.AspNetCore.Http;
using Switchboard.Api.Problems;
using Switchboard.Storage.Calls;
using Switchboard.Storage.Paging;

namespace Switchboard.Api.V1.Calls;

/// <summary>
/// The query of <c>GET /Calls</c>: the filters <c>status</c> (or jambonz's name for it, <c>callStatus</c>),
/// <c>direction</c>, <c>from</c>, <c>to</c>, <c>start</c> and <c>end</c> (when created), <c>application_sid</c> and
/// <c>tag</c> (<c>key</c> or <c>key:value</c>); and the page, <c>limit</c> and <c>cursor</c>.
/// </summary>
public sealed record CallQuery(CallFilter Filter, PageRequest Page)
{
    public const int DefaultLimit = 100;

    public const int MaxLimit = ICallStore.MaxListLimit;

    private const int MaxTagKeyLength = 64;

    private static readonly string[] Statuses = ["queued", "trying", "ringing", "early-media", "in-progress", "completed", "failed", "busy", "no-answer"];

    /// <exception cref="ValidationException">A parameter has a value that can never match, or a cursor this server did not issue.</exception>
    public static CallQuery Read(IQueryCollection query)
    {
        var statusName = query.ContainsKey("callStatus") ? "callStatus" : "status";
        var status = query[statusName].FirstOrDefault();
        if (status is not null && !Statuses.Contains(status))
        {
            throw new ValidationException(statusName, $"must be one of {string.Join(", ", Statuses)}");
        }

        var direction = query["direction"].FirstOrDefault();
        if (direction is not (null or "inbound" or "outbound"))
        {
            throw new ValidationException("direction", "must be inbound or outbound");
        }

        var limit = DefaultLimit;
        if (query["limit"].FirstOrDefault() is { } text && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            throw new ValidationException("limit", $"must be a whole number from 1 to {MaxLimit}");
        }

        var start = Instant(query, "start");
        var end = Instant(query, "end");
        if (start is not null && end is not null && end <= start)
        {
            throw new ValidationException("end", "must be after start");
        }

        var (tagKey, tagValue) = Tag(query["tag"].FirstOrDefault());
        var filter = new CallFilter(status is null ? null : JambonzCallStatus.StoredAs(status), direction, query["from"].FirstOrDefault(), query["to"].FirstOrDefault())
        {
            CreatedFrom = start,
            CreatedBefore = end,
            ApplicationSid = query["application_sid"].FirstOrDefault() is { Length: > 0 } application ? application : null,
            TagKey = tagKey,
            TagValue = tagValue,
        };
        return new CallQuery(filter, new PageRequest(limit, Cursor(query)));
    }

    private static string? Cursor(IQueryCollection query)
    {
        if (query["cursor"].FirstOrDefault() is not { } cursor)
        {
            return null;
        }

        return PageCursor.TryDecode(cursor, out _)
            ? cursor
            : throw new ValidationException("cursor", "is not a cursor this server issued; take it from the previous page's Link header");
    }

    /// <summary><c>key</c> matches calls whose tag has the member; <c>key:value</c> those where it has that value.</summary>
    private static (string? Key, string? Value) Tag(string? text)
    {
        if (text is null)
        {
            return (null, null);
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var key = colon < 0 ? text : text[..colon];
        if (key.Length is 0 or > MaxTagKeyLength || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            throw new ValidationException("tag", $"must be key or key:value, the key of 1 to {MaxTagKeyLength} letters, digits, _ or -");
        }

        return (key, colon < 0 ? null : text[(colon + 1)..]);
    }

    private static DateTimeOffset? Instant(IQueryCollection query, string name)
    {
        if (query[name].FirstOrDefault() is not { } text)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw new ValidationException(name, "must be a date and time, e.g. 2026-12-01T00:00:00Z");
    }
}
