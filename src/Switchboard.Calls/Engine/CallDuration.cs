namespace Switchboard.Calls.Engine;

/// <summary>A call's billable length: whole seconds from answer to end (or to now while live), zero if never answered.</summary>
public static class CallDuration
{
    public static int Seconds(DateTimeOffset? answeredAt, DateTimeOffset? endedAt, DateTimeOffset now) => answeredAt is { } answered
        ? (int)Math.Round(((endedAt ?? now) - answered).TotalSeconds, MidpointRounding.AwayFromZero)
        : 0;
}
