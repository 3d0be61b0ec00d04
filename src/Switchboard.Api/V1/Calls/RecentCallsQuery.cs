using System.Globalization;
using Microsoft.AspNetCore.Http;
using Switchboard.Api.Problems;
using Switchboard.Storage.Calls;

namespace Switchboard.Api.V1.Calls;

/// <summary>
/// The query of jambonz's <c>GET /RecentCalls</c>: <c>page</c> (from 1) and <c>count</c> (1–500), and the filters
/// <c>days</c> (1–30) or <c>start</c>/<c>end</c>, <c>answered</c>, <c>direction</c> and <c>filter</c> (a caller,
/// callee, call sid or SIP Call-ID). jambonz requires <c>page</c> and <c>count</c>; here they default to 1 and 25.
/// </summary>
public sealed record RecentCallsQuery(int Page, int Count, CallFilter Filter)
{
    public const int MaxCount = 500;

    private const int MaxDays = 30;

    /// <exception cref="ValidationException">A parameter is not what jambonz allows.</exception>
    public static RecentCallsQuery Read(IQueryCollection query, DateTimeOffset now)
    {
        var page = WholeNumber(query, "page", 1, int.MaxValue) ?? 1;
        var count = WholeNumber(query, "count", 1, MaxCount) ?? 25;
        var direction = query["direction"].FirstOrDefault();
        if (direction is not (null or "inbound" or "outbound"))
        {
            throw new ValidationException("direction", "must be inbound or outbound");
        }

        var answered = query["answered"].FirstOrDefault() switch
        {
            null => (bool?)null,
            "true" => true,
            "false" => false,
            _ => throw new ValidationException("answered", "must be true or false"),
        };

        // As jambonz: days wins over start and end.
        var days = WholeNumber(query, "days", 1, MaxDays);
        var start = days is { } back ? now.AddDays(-back) : Instant(query, "start");
        var end = days is null ? Instant(query, "end") : null;
        if (start is not null && end is not null && end <= start)
        {
            throw new ValidationException("end", "must be after start");
        }

        var filter = new CallFilter(null, direction, null, null)
        {
            EndedOnly = true,
            Answered = answered,
            CreatedFrom = start,
            CreatedBefore = end,
            Party = query["filter"].FirstOrDefault() is { Length: > 0 } party ? party : null,
        };
        return new RecentCallsQuery(page, count, filter);
    }

    /// <summary>How many matching calls come before this page.</summary>
    public int Offset => (int)Math.Min(int.MaxValue, (long)(Page - 1) * Count);

    private static int? WholeNumber(IQueryCollection query, string name, int min, int max)
    {
        if (query[name].FirstOrDefault() is not { } text)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ValidationException(name, $"must be a whole number from {min} to {max}");
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
