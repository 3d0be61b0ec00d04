using System.Net;
using System.Text;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Tests.UserAgent;

/// <summary>The called side of one of our outbound calls, written by hand: answers the INVITE and sends in-dialog requests.</summary>
sealed class SipCallee(UdpPeer peer, IPEndPoint agent)
{
    public const string Answer = "v=0\r\no=callee 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 31000 RTP/AVP 0\r\n";

    public SipRequest? Invite { get; private set; }

    public uint Sequence { get; private set; } = 100;

    public UdpPeer Peer => peer;

    public string Contact => $"Contact: <sip:bob@127.0.0.1:{peer.Port}>\r\n";

    /// <summary>Receives the INVITE and answers it 200 with SDP; returns once the ACK arrived.</summary>
    public async Task<SipRequest> AnswerAsync(string extra = "")
    {
        Invite = await peer.ReceiveRequestAsync("INVITE");
        peer.Respond(Invite, 200, "OK", agent, extra: Contact + extra + "Content-Type: application/sdp\r\n", body: Answer);
        return await peer.ReceiveRequestAsync("ACK");
    }

    /// <summary>A request from the callee in the dialog: its tag in From, ours in To (RFC 3261 §12.2.1.1).</summary>
    public void Send(string method, string body = "", string contentType = "application/sdp", uint? sequence = null, string branch = "", string contact = "")
    {
        if (sequence is null)
        {
            Sequence++;
        }

        branch = branch.Length > 0 ? branch : $"z9hG4bKcallee{method.ToLowerInvariant()}{sequence ?? Sequence}";
        var type = body.Length > 0 ? $"Content-Type: {contentType}\r\n" : "";
        peer.Send(
            $"{method} {Invite!.Contact!.Uri} SIP/2.0\r\n" +
            $"Via: SIP/2.0/UDP 127.0.0.1:{peer.Port};branch={branch};rport\r\n" +
            "Max-Forwards: 70\r\n" +
            $"From: {Invite.GetHeader("To")};tag=peer1\r\nTo: {Invite.GetHeader("From")}\r\n" +
            $"Call-ID: {Invite.CallId}\r\nCSeq: {sequence ?? Sequence} {method}\r\n" +
            (contact.Length > 0 ? contact : Contact) +
            $"{type}Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}", agent);
    }

    public async Task<SipResponse> ResponseAsync(string method, double seconds = 5)
    {
        while (true)
        {
            if (await peer.ReceiveAsync(seconds) is SipResponse response && response.CSeq?.Method.Name == method && response.StatusCode >= 200)
            {
                return response;
            }
        }
    }
}
