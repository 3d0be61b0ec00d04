namespace Switchboard.Calls.Verbs;

/// <summary>
/// A blind transfer (jambonz <c>sip:refer</c>, RFC 3515): asks the peer to call <paramref name="ReferTo"/> in place
/// of this call. A refused REFER, a failed referred call, or no final report in time, goes to the script source with
/// <paramref name="ActionHook"/> and the call goes on; a referred call that is answered posts its result and ends
/// this call (BYE), as the peer now talks to the transfer target.
/// </summary>
/// <param name="ReferTo">A SIP or tel URI, or a number or user name sent to the peer's host.</param>
public sealed record ReferVerb(string ReferTo, string? ActionHook) : Verb
{
    public override string Name => "sip:refer";

    /// <summary>Who asks for the transfer (Referred-By); this call's own address when null.</summary>
    public string? ReferredBy { get; init; }

    /// <summary>A display name written before the Referred-By address.</summary>
    public string? ReferredByDisplayName { get; init; }

    /// <summary>Headers added to the REFER.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>Hears each progress report of the referred call (a NOTIFY's status); its answer is not read.</summary>
    public string? EventHook { get; init; }
}
