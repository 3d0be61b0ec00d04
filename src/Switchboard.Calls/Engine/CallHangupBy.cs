namespace Switchboard.Calls.Engine;

/// <summary>
/// Who hung up, as a call record stores it: the far end named for its side of the call (<c>caller</c> on an inbound
/// call, <c>callee</c> on an outbound one or a dial leg), <c>application</c>, <c>api</c> or <c>system</c>.
/// </summary>
public static class CallHangupBy
{
    public const string Caller = "caller";
    public const string Callee = "callee";
    public const string Application = "application";
    public const string Api = "api";
    public const string System = "system";

    /// <summary>Null when nobody is known to have ended it (a final status that carried no <see cref="CallEndedBy"/>).</summary>
    public static string? Of(CallEndedBy? endedBy, string direction) => endedBy switch
    {
        CallEndedBy.FarEnd => direction == "inbound" ? Caller : Callee,
        CallEndedBy.Application => Application,
        CallEndedBy.Api => Api,
        CallEndedBy.Server => System,
        _ => null,
    };
}
