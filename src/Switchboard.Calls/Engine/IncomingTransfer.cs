using Switchboard.Sip.Messages;

namespace Switchboard.Calls.Engine;

/// <summary>
/// A transfer a call's peer asked for with REFER (RFC 3515), as the application's <c>referHook</c> hears of it.
/// The REFER was accepted (202); the peer learns the outcome from the NOTIFYs the call then sends.
/// </summary>
/// <param name="ReferTo">The Refer-To header as sent.</param>
/// <param name="ReferredBy">The Referred-By header (RFC 3892), if any.</param>
/// <param name="CustomHeaders">The REFER's <c>X-</c> headers, in order.</param>
/// <param name="Sequence">The REFER's CSeq number, which names its subscription in every NOTIFY.</param>
public sealed record IncomingTransfer(string ReferTo, string? ReferredBy, string? UserAgent, IReadOnlyList<KeyValuePair<string, string>> CustomHeaders, uint Sequence)
{
    /// <summary>Whom the peer wants the call transferred to: the Refer-To URI's user or number.</summary>
    public string? ReferToUser => SipNameAddress.UserOf(ReferTo);

    /// <summary>Who asked: the Referred-By URI's user or number.</summary>
    public string? ReferredByUser => ReferredBy is null ? null : SipNameAddress.UserOf(ReferredBy);

    /// <summary>The call whose peer sent the REFER.</summary>
    public required string ReferringCallSid { get; init; }

    /// <summary>The other party of the dial that connects it, which the transfer would move; null outside a dial.</summary>
    public string? ReferredCallSid { get; init; }
}
