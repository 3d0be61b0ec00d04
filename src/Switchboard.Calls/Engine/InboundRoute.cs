namespace Switchboard.Calls.Engine;

/// <summary>
/// The router's decision for an inbound call: run it with <see cref="Request"/> (its script, sink and defaults),
/// or refuse it with a SIP final response (404 for a number nobody has, 403 for a source a carrier does not allow).
/// </summary>
public sealed record InboundRoute
{
    private InboundRoute(CallRequest? request, int refusalStatus, string? refusalReason)
    {
        Request = request;
        RefusalStatus = refusalStatus;
        RefusalReason = refusalReason;
    }

    /// <summary>How to run the call; null when it is refused.</summary>
    public CallRequest? Request { get; }

    public int RefusalStatus { get; }

    public string? RefusalReason { get; }

    public static InboundRoute Accept(CallRequest request) => new(request, 0, null);

    public static InboundRoute Refuse(int sipStatus, string reason) => new(null, sipStatus, reason);
}
