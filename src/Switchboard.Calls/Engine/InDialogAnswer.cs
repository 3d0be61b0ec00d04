using Switchboard.Sip.UserAgent;

namespace Switchboard.Calls.Engine;

/// <summary>
/// How a request sent inside a call's dialog ended: the peer's final <paramref name="SipStatus"/>, or, with
/// <paramref name="Error"/>, a status standing for the failure that ended it without one (408: no answer, 503: not
/// sent, 481: the call had no dialog).
/// </summary>
public sealed record InDialogAnswer(int SipStatus, string Reason, string? Error)
{
    /// <summary>True when the peer answered, whatever it answered.</summary>
    public bool IsAnswered => Error is null;

    /// <summary>False when nothing was sent because the call had no established dialog (not answered, or ending).</summary>
    public bool WasSent { get; init; } = true;

    internal static InDialogAnswer Of(SipInDialogResult result) => new(result.StatusCode, result.ReasonPhrase, result.Error) { WasSent = result.WasSent };

    internal static InDialogAnswer NoDialog { get; } = Of(SipInDialogResult.NoDialog);
}
