using Switchboard.Sip.Messages;
using Switchboard.Sip.Tests.Support;
using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.Tests.Transactions;

/// <summary>RFC 3261 §17.2.3: a server transaction is its top Via's branch and sent-by, and the method.</summary>
public sealed class SipTransactionKeyTests
{
    [Fact]
    public void TwoClientsReusingABranch_AreTwoTransactions()
    {
        var first = Request("INVITE", via: "SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKsame");
        var second = Request("INVITE", via: "SIP/2.0/UDP 192.0.2.2:5060;branch=z9hG4bKsame");
        var firstAgain = Request("INVITE", via: "SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKsame");

        Assert.NotEqual(SipTransactionKey.ForRequest(first), SipTransactionKey.ForRequest(second));
        Assert.Equal(SipTransactionKey.ForRequest(first), SipTransactionKey.ForRequest(firstAgain));
    }

    [Fact]
    public void TheSentBy_ComparesItsHostWithoutCase_AndItsDefaultPort()
    {
        var explicitPort = Request("INVITE", via: "SIP/2.0/UDP Phone.Example.com:5060;branch=z9hG4bKone");
        var defaultPort = Request("INVITE", via: "SIP/2.0/UDP phone.example.com;branch=z9hG4bKone");

        Assert.Equal(SipTransactionKey.ForRequest(explicitPort), SipTransactionKey.ForRequest(defaultPort));
    }

    [Fact]
    public void AnAckAndACancel_FindTheirInvite_ButAnotherMethodDoesNot()
    {
        var invite = SipTransactionKey.ForRequest(Request("INVITE"));

        Assert.Equal(invite, SipTransactionKey.ForRequest(Request("ACK")));
        Assert.Equal(invite, SipTransactionKey.ForRequest(Request("CANCEL")) is { } cancel ? cancel with { Method = SipMethod.Invite.Name } : null);
        Assert.NotEqual(invite, SipTransactionKey.ForRequest(Request("OPTIONS")));
    }

    [Fact]
    public void WithoutTheMagicCookie_TheRfc2543FieldsIdentifyTheTransaction_AndTheAckStillFindsItsInvite()
    {
        const string OldVia = "SIP/2.0/UDP 192.0.2.1:5060;branch=1234";
        var invite = SipTransactionKey.ForRequest(Request("INVITE", via: OldVia));
        var ack = SipTransactionKey.ForRequest(Request("ACK", via: OldVia, toTag: ";tag=ours"));
        var otherCall = SipTransactionKey.ForRequest(Request("INVITE", via: OldVia, callId: "call-2"));

        Assert.NotNull(invite);
        Assert.Equal(invite, ack);
        Assert.NotEqual(invite, otherCall);
    }

    private static SipRequest Request(string method, string via = "SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKtest1", string callId = "call-1", string toTag = "") =>
        (SipRequest)TestMessages.Parse(
            $"{method} sip:bob@127.0.0.1:5070 SIP/2.0\r\nVia: {via}\r\nMax-Forwards: 70\r\n" +
            $"From: <sip:alice@127.0.0.1>;tag=ft\r\nTo: <sip:bob@127.0.0.1:5070>{toTag}\r\nCall-ID: {callId}\r\nCSeq: 1 {method}\r\n\r\n");
}
