using Switchboard.Calls.Engine;

namespace Switchboard.Api.V1.Calls;

/// <summary>
/// jambonz's <c>call_status</c> names. They are the engine's except that jambonz knows no <c>canceled</c>: a call
/// stopped before anyone answered is <c>no-answer</c> there, in webhooks, in listings and in filters alike.
/// </summary>
public static class JambonzCallStatus
{
    private static readonly string Canceled = CallStatus.Canceled.ToWire();

    public static string Of(CallStatus status) => Of(status.ToWire());

    /// <summary>The name for a status as stored with the call.</summary>
    public static string Of(string storedStatus) => storedStatus == Canceled ? "no-answer" : storedStatus;

    /// <summary>The stored statuses a filter by <paramref name="status"/> must match.</summary>
    public static IReadOnlyList<string> StoredAs(string status) => status == "no-answer" ? [status, Canceled] : [status];
}
