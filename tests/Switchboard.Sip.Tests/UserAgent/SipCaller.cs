using System.Net;
using System.Text;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Tests.UserAgent;

/// <summary>Writes the requests of one caller's dialog by hand (RFC 3261 §8.1.1, §13.2.2.4, §9.1), sent from a <see cref="UdpPeer"/>.</summary>
sealed class SipCaller(UdpPeer peer, IPEndPoint agent, string callId = "call-in-1")
{
    public const string Offer = "v=0\r\no=caller 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 30000 RTP/AVP 0\r\n";

    public string CallId => callId;

    public string InviteBranch { get; private set; } = "z9hG4bKinv" + callId;

    public uint Sequence { get; private set; } = 20;

    public string? RemoteTag { get; set; }

    public UdpPeer Peer => peer;

    public void SendInvite(string? sdp = Offer, string extra = "", string branch = "")
    {
        if (branch.Length > 0)
        {
            InviteBranch = branch;
        }

        var body = sdp ?? "";
        var type = sdp is null ? "" : "Content-Type: application/sdp\r\n";
        peer.Send(
            $"INVITE sip:+15550123;npdi@127.0.0.1:{agent.Port} SIP/2.0\r\n" +
            $"Via: SIP/2.0/UDP 127.0.0.1:{peer.Port};branch={InviteBranch};rport\r\n" +
            "Max-Forwards: 70\r\n" +
            "From: \"Alice Caller\" <sip:+15550100@127.0.0.1>;tag=caller1\r\n" +
            $"To: <sip:+15550123@127.0.0.1:{agent.Port}>\r\n" +
            $"Call-ID: {callId}\r\nCSeq: {Sequence} INVITE\r\n" +
            $"Contact: <sip:alice@127.0.0.1:{peer.Port}>\r\n" +
            $"{extra}{type}Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}", agent);
    }

    public void SendCancel() => peer.Send(
        $"CANCEL sip:+15550123;npdi@127.0.0.1:{agent.Port} SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP 127.0.0.1:{peer.Port};branch={InviteBranch};rport\r\n" +
        "Max-Forwards: 70\r\nFrom: \"Alice Caller\" <sip:+15550100@127.0.0.1>;tag=caller1\r\n" +
        $"To: <sip:+15550123@127.0.0.1:{agent.Port}>\r\nCall-ID: {callId}\r\nCSeq: {Sequence} CANCEL\r\nContent-Length: 0\r\n\r\n", agent);

    /// <summary>The ACK for a 2xx: a new transaction with the INVITE's CSeq number (RFC 3261 §13.2.2.4).</summary>
    public void SendAck(string body = "", uint? sequence = null) => SendInDialog("ACK", body, sequence ?? Sequence, branch: "z9hG4bKack" + (sequence ?? Sequence));

    /// <summary>A request inside the dialog; the CSeq moves on unless given.</summary>
    public string SendInDialog(string method, string body = "", uint? sequence = null, string contentType = "application/sdp", string extra = "", string? branch = null, string contactUser = "alice")
    {
        if (sequence is null)
        {
            Sequence++;
        }

        branch ??= $"z9hG4bK{method.ToLowerInvariant()}{Sequence}";
        var type = body.Length > 0 ? $"Content-Type: {contentType}\r\n" : "";
        peer.Send(
            $"{method} sip:sb@127.0.0.1:{agent.Port} SIP/2.0\r\n" +
            $"Via: SIP/2.0/UDP 127.0.0.1:{peer.Port};branch={branch};rport\r\n" +
            "Max-Forwards: 70\r\nFrom: \"Alice Caller\" <sip:+15550100@127.0.0.1>;tag=caller1\r\n" +
            $"To: <sip:+15550123@127.0.0.1:{agent.Port}>;tag={RemoteTag}\r\nCall-ID: {callId}\r\nCSeq: {sequence ?? Sequence} {method}\r\n" +
            $"Contact: <sip:{contactUser}@127.0.0.1:{peer.Port}>\r\n" +
            $"{extra}{type}Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}", agent);
        return branch;
    }

    public async Task<SipResponse> ResponseAsync(int status, double seconds = 5)
    {
        while (true)
        {
            if (await peer.ReceiveAsync(seconds) is SipResponse response && response.StatusCode == status)
            {
                RemoteTag ??= response.To?.Tag;
                return response;
            }
        }
    }
}
