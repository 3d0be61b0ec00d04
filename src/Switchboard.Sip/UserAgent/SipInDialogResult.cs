namespace Switchboard.Sip.UserAgent;

/// <summary>
/// How a request we sent inside a dialog ended: the peer's final response, or a status standing for the failure
/// that ended it without one (<paramref name="Error"/> then says which): 408 when no answer came in time (RFC 3261
/// §17.1.2.2), 503 when it could not be sent (§8.1.3.1), 481 when the call had no dialog to send it in.
/// </summary>
public sealed record SipInDialogResult(int StatusCode, string ReasonPhrase, string? Error)
{
    /// <summary>True when the peer answered (whatever it answered).</summary>
    public bool IsAnswered => Error is null;

    /// <summary>True when the peer answered 2xx.</summary>
    public bool IsSuccess => IsAnswered && StatusCode is >= 200 and < 300;

    /// <summary>False when nothing was sent because the call had no established dialog.</summary>
    public bool WasSent { get; init; } = true;

    /// <summary>The result of a request the call could not send: it has no established dialog (not answered yet, or ending).</summary>
    public static SipInDialogResult NoDialog { get; } = new(481, "Call/Transaction Does Not Exist", "the call has no established dialog") { WasSent = false };
}
