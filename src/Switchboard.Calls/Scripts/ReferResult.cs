using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Scripts;

/// <summary>How a <c>sip:refer</c> ended.</summary>
/// <param name="ReferStatus">The peer's answer to the REFER (202 when it accepted), or the failure's status that stood for one.</param>
/// <param name="FinalReferredStatus">The referred call's final SIP status from the last NOTIFY; null when none came.</param>
public sealed record ReferResult(ReferVerb Refer, int ReferStatus, int? FinalReferredStatus) : VerbResult(Refer)
{
    /// <summary>True when the referred call was answered: the peer now talks to the transfer target.</summary>
    public bool Transferred => FinalReferredStatus is >= 200 and < 300;
}
