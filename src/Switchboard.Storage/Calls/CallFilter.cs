namespace Switchboard.Storage.Calls;

/// <summary>Which calls a listing returns; null members match everything. <see cref="Statuses"/> matches any of them.</summary>
public sealed record CallFilter(IReadOnlyList<CallStatusMatch>? Statuses, string? Direction, string? From, string? To)
{
    public static CallFilter All { get; } = new(null, null, null, null);

    /// <summary>Only calls that have ended.</summary>
    public bool EndedOnly { get; init; }

    /// <summary>Only answered calls (true) or only unanswered ones (false).</summary>
    public bool? Answered { get; init; }

    /// <summary>Only calls created at or after this instant.</summary>
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Only calls created before this instant.</summary>
    public DateTimeOffset? CreatedBefore { get; init; }

    /// <summary>Only calls this names: their caller, callee, sid or SIP Call-ID.</summary>
    public string? Party { get; init; }

    /// <summary>Only calls run by this application.</summary>
    public string? ApplicationSid { get; init; }

    /// <summary>Only calls whose tag has this top-level member (letters, digits, <c>_</c> and <c>-</c> only).</summary>
    public string? TagKey { get; init; }

    /// <summary>With <see cref="TagKey"/>: only calls whose member has this value (a string, or a number or boolean as written).</summary>
    public string? TagValue { get; init; }
}
