using System.Collections.Concurrent;
using System.Net;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.UserAgent;

/// <summary>
/// The calls not yet ended, found the ways RFC 3261 needs: by Call-ID and our tag for in-dialog requests and stray
/// 2xx (§12.2.2, §13.2.2.4; the Call-ID alone is not enough, a call to ourselves has one Call-ID and two tags), by
/// the INVITE's transaction key for CANCEL (§9.2), and by Call-ID, From tag and CSeq to spot merged requests
/// (§8.2.2.2).
/// </summary>
internal sealed class SipCallRegistry
{
    private readonly ConcurrentDictionary<(string CallId, string LocalTag), SipCall> _byDialog = new();
    private readonly ConcurrentDictionary<SipTransactionKey, InboundCall> _byInvite = new();
    private readonly ConcurrentDictionary<(string CallId, string RemoteTag, uint Sequence), InboundCall> _byOrigin = new();

    public int Count => _byDialog.Count;

    public void Add(SipCall call)
    {
        _byDialog[(call.CallId, call.LocalTag)] = call;
    }

    /// <summary>Registers a new inbound call unless it merges with one already here (same origin, other branch).</summary>
    public bool TryAdd(InboundCall call)
    {
        if (!_byOrigin.TryAdd(OriginOf(call.Invite), call))
        {
            return false;
        }

        _byInvite[call.InviteKey] = call;
        Add(call);
        return true;
    }

    public SipCall? Find(string? callId, string? localTag) =>
        callId is not null && localTag is not null && _byDialog.TryGetValue((callId, localTag), out var call) ? call : null;

    public InboundCall? FindByInvite(SipTransactionKey inviteKey) => _byInvite.TryGetValue(inviteKey, out var call) ? call : null;

    /// <summary>
    /// True when a call not yet ended came in from, or went out to, <paramref name="remote"/> over
    /// <paramref name="transport"/>: its in-dialog requests and responses may need that connection. A scan, but only
    /// when a connection has been idle for a while or the connection limit looks for one to close.
    /// </summary>
    public bool AnyThrough(ISipTransport transport, IPEndPoint remote)
    {
        foreach (var (_, call) in _byDialog)
        {
            if (ReferenceEquals(call.Transport, transport) && call.Peer.Equals(remote))
            {
                return true;
            }
        }

        return false;
    }

    public void Remove(SipCall call)
    {
        _byDialog.TryRemove(new KeyValuePair<(string, string), SipCall>((call.CallId, call.LocalTag), call));
        if (call is InboundCall inbound)
        {
            _byOrigin.TryRemove(new KeyValuePair<(string, string, uint), InboundCall>(OriginOf(inbound.Invite), inbound));
            _byInvite.TryRemove(new KeyValuePair<SipTransactionKey, InboundCall>(inbound.InviteKey, inbound));
        }
    }

    private static (string, string, uint) OriginOf(SipRequest invite) =>
        (invite.CallId!, invite.From!.Tag ?? string.Empty, invite.CSeq!.Value.Number);
}
