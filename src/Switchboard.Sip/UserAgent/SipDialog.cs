using Switchboard.Sip.Messages;

namespace Switchboard.Sip.UserAgent;

/// <summary>
/// One dialog (RFC 3261 §12): identifiers, the remote target from Contact, the route set from Record-Route, and
/// both CSeq spaces. Built by the UAC from a 2xx (§12.1.2) or by the UAS from the INVITE (§12.1.1). Mutated only
/// under its call's lock.
/// </summary>
public sealed class SipDialog
{
    private uint _localSequence;

    internal SipDialog(string callId, SipNameAddress local, SipNameAddress remote, SipUri remoteTarget, IReadOnlyList<string> routeSet, uint localSequence, uint? remoteSequence)
    {
        CallId = callId;
        Local = local;
        Remote = remote;
        RemoteTarget = remoteTarget;
        RouteSet = routeSet;
        _localSequence = localSequence;
        RemoteSequence = remoteSequence;
    }

    public string CallId { get; }

    /// <summary>Our address with our tag: From of the requests we send.</summary>
    public SipNameAddress Local { get; }

    /// <summary>The peer's address with its tag: To of the requests we send.</summary>
    public SipNameAddress Remote { get; }

    public string LocalTag => Local.Tag ?? string.Empty;

    public string? RemoteTag => Remote.Tag;

    /// <summary>Where in-dialog requests go; replaced by target refresh requests and responses (RFC 3261 §12.2).</summary>
    public SipUri RemoteTarget { get; private set; }

    /// <summary>The Route values for in-dialog requests, first hop first. Fixed once the dialog exists (§12.2.1.2).</summary>
    public IReadOnlyList<string> RouteSet { get; }

    /// <summary>The highest CSeq number seen from the peer, or null before its first in-dialog request.</summary>
    public uint? RemoteSequence { get; private set; }

    /// <summary>RFC 3261 §12.2.1.1: each new in-dialog request takes the next local CSeq number.</summary>
    internal uint NextSequence() => Interlocked.Increment(ref _localSequence);

    /// <summary>RFC 3261 §12.2.2: an in-dialog request from the peer carries its tag in From and ours in To.</summary>
    public bool Matches(SipRequest request) =>
        string.Equals(request.CallId, CallId, StringComparison.Ordinal)
        && string.Equals(request.From?.Tag, RemoteTag, StringComparison.Ordinal)
        && string.Equals(request.To?.Tag, LocalTag, StringComparison.Ordinal);

    /// <summary>A target refresh (re-INVITE, UPDATE or a 2xx to ours) moves the remote target to its Contact (RFC 3261 §12.2).</summary>
    internal void RefreshRemoteTarget(SipMessage message)
    {
        if (message.Contact?.Uri is { } contact)
        {
            RemoteTarget = contact;
        }
    }

    /// <summary>
    /// RFC 3261 §12.2.2: a request numbered below the remote sequence is out of order (answered 500); otherwise the
    /// remote sequence moves up to it.
    /// </summary>
    internal bool TryAcceptRemoteSequence(uint sequence)
    {
        if (RemoteSequence is { } current && sequence < current)
        {
            return false;
        }

        RemoteSequence = sequence;
        return true;
    }

    /// <summary>RFC 3261 §12.1.2: the UAC's dialog from a 2xx (or tagged 1xx); the route set is Record-Route reversed.</summary>
    internal static SipDialog FromResponse(SipRequest invite, SipResponse response)
    {
        var records = response.RecordRoutes;
        var routeSet = new List<string>(records.Count);
        for (var i = records.Count - 1; i >= 0; i--)
        {
            routeSet.Add(records[i]);
        }

        var remoteTarget = response.Contact?.Uri ?? invite.RequestUri;
        return new SipDialog(invite.CallId!, invite.From!, response.To!, remoteTarget, routeSet, invite.CSeq!.Value.Number, null);
    }

    /// <summary>
    /// RFC 3261 §12.1.1: the UAS's dialog from the INVITE: route set is Record-Route in order, remote target the
    /// Contact, remote sequence the INVITE's CSeq; our own CSeq space starts empty, so the first request takes 1.
    /// </summary>
    internal static SipDialog FromRequest(SipRequest invite, string localTag)
    {
        var remoteTarget = invite.Contact?.Uri ?? new SipUri("sip", invite.From!.Uri.User, invite.From.Uri.Host, invite.From.Uri.Port);
        return new SipDialog(invite.CallId!, invite.To!.WithTag(localTag), invite.From!, remoteTarget, invite.RecordRoutes, 0, invite.CSeq!.Value.Number);
    }
}
