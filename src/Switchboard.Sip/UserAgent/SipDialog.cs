using Switchboard.Sip.Messages;

namespace Switchboard.Sip.UserAgent;

/// <summary>
/// The UAC side of a dialog as established by a 2xx to INVITE (RFC 3261 §12.1.2): identifiers, the remote
/// target from Contact, and the route set from Record-Route in reverse order.
/// </summary>
public sealed class SipDialog
{
    private uint _localSequence;

    internal SipDialog(string callId, SipNameAddress local, SipNameAddress remote, SipUri remoteTarget, IReadOnlyList<string> routeSet, uint localSequence)
    {
        CallId = callId;
        Local = local;
        Remote = remote;
        RemoteTarget = remoteTarget;
        RouteSet = routeSet;
        _localSequence = localSequence;
    }

    public string CallId { get; }

    /// <summary>Our From address, with our tag.</summary>
    public SipNameAddress Local { get; }

    /// <summary>The peer's To address, with its tag.</summary>
    public SipNameAddress Remote { get; }

    public string LocalTag => Local.Tag ?? string.Empty;

    public string? RemoteTag => Remote.Tag;

    public SipUri RemoteTarget { get; }

    public IReadOnlyList<string> RouteSet { get; }

    /// <summary>RFC 3261 §12.2.1.1: each new in-dialog request takes the next local CSeq number.</summary>
    internal uint NextSequence() => Interlocked.Increment(ref _localSequence);

    /// <summary>RFC 3261 §12.2.2: an in-dialog request from the peer carries its tag in From and ours in To.</summary>
    public bool Matches(SipRequest request) =>
        string.Equals(request.CallId, CallId, StringComparison.Ordinal)
        && string.Equals(request.From?.Tag, RemoteTag, StringComparison.Ordinal)
        && string.Equals(request.To?.Tag, LocalTag, StringComparison.Ordinal);

    internal static SipDialog FromSuccessResponse(SipRequest invite, SipResponse response)
    {
        var records = response.RecordRoutes;
        var routeSet = new List<string>(records.Count);
        for (var i = records.Count - 1; i >= 0; i--)
        {
            routeSet.Add(records[i]);
        }

        var remoteTarget = response.Contact?.Uri ?? invite.RequestUri;
        return new SipDialog(invite.CallId!, invite.From!, response.To!, remoteTarget, routeSet, invite.CSeq!.Value.Number);
    }
}
