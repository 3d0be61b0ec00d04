namespace Switchboard.Sip.UserAgent;

/// <summary>
/// How our re-INVITE ended: the final response, or a status the user agent synthesized: 491 when the dialog was
/// still busy with another offer after the RFC 3261 §14.1 retry, 481 when there is no confirmed dialog, 408 when
/// no response came (Timer B), 503 when it could not be sent.
/// </summary>
/// <param name="Sdp">The answer in a 2xx, else null.</param>
public sealed record SipReinviteResult(int StatusCode, string ReasonPhrase, string? Sdp)
{
    public bool IsAccepted => StatusCode is >= 200 and < 300;
}
