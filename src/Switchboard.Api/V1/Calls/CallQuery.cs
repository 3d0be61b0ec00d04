using Microsoft.AspNetCore.Http;
using Switchboard.Api.Problems;
using Switchboard.Storage.Calls;

namespace Switchboard.Api.V1.Calls;

/// <summary>
/// The filters of <c>GET /Calls</c>: <c>status</c> (or jambonz's name for it, <c>callStatus</c>), <c>direction</c>,
/// <c>from</c>, <c>to</c>, and <c>limit</c>.
/// </summary>
public sealed record CallQuery(string? Status, string? Direction, string? From, string? To, int Limit)
{
    public const int DefaultLimit = 100;

    public const int MaxLimit = 1000;

    private static readonly string[] Statuses = ["queued", "trying", "ringing", "early-media", "in-progress", "completed", "failed", "busy", "no-answer"];

    /// <exception cref="ValidationException">A filter has a value that can never match.</exception>
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
        if (query["limit"].FirstOrDefault() is { } text && (!int.TryParse(text, out limit) || limit is < 1 or > MaxLimit))
        {
            throw new ValidationException("limit", $"must be a whole number from 1 to {MaxLimit}");
        }

        return new CallQuery(status, direction, query["from"].FirstOrDefault(), query["to"].FirstOrDefault(), limit);
    }

    /// <summary>The store's filter; <c>no-answer</c> also finds calls stopped before an answer (stored as canceled).</summary>
    public CallFilter ToFilter() => new(Status is null ? null : JambonzCallStatus.StoredAs(Status), Direction, From, To);
}
