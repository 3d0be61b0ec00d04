using System.Text;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Tests.Messages;

/// <summary>The status line of a REFER's NOTIFY body (RFC 3420, RFC 3515 §2.4.5).</summary>
public class SipFragStatusTests
{
    [Theory]
    [InlineData("SIP/2.0 100 Trying\r\n", 100, "Trying", false)]
    [InlineData("SIP/2.0 180 Ringing\r\n", 180, "Ringing", false)]
    [InlineData("SIP/2.0 200 OK\r\n", 200, "OK", true)]
    [InlineData("SIP/2.0 603 Declined\r\nContent-Length: 0\r\n\r\n", 603, "Declined", true)]
    [InlineData("SIP/2.0 200 OK", 200, "OK", true)]
    [InlineData("SIP/2.0 486 Busy Here\n", 486, "Busy Here", true)]
    [InlineData("SIP/2.0 599\r\n", 599, "Server Failure", true)]
    public void TryParse_ReadsTheStatusLine(string body, int code, string reason, bool final)
    {
        Assert.True(SipFragStatus.TryParse(Encoding.UTF8.GetBytes(body), out var status));

        Assert.Equal(new SipFragStatus(code, reason), status);
        Assert.Equal(final, status.IsFinal);
        Assert.Equal(code is >= 200 and < 300, status.IsSuccess);
    }

    [Theory]
    [InlineData("")]
    [InlineData("INVITE sip:bob@example.com SIP/2.0\r\n")]
    [InlineData("SIP/2.0 20 OK\r\n")]
    [InlineData("SIP/2.0 2000 OK\r\n")]
    [InlineData("SIP/2.0 099 Low\r\n")]
    [InlineData("SIP/2.0 700 High\r\n")]
    [InlineData("SIP/2.0 abc OK\r\n")]
    [InlineData("SIP/1.0 200 OK\r\n")]
    [InlineData(" SIP/2.0 200 OK\r\n")]
    [InlineData("SIP/2.0 200\u0001OK\r\n")]
    public void TryParse_RefusesWhatIsNoStatusLine(string body)
    {
        Assert.False(SipFragStatus.TryParse(Encoding.UTF8.GetBytes(body), out _));
    }

    [Fact]
    public void TryParse_NeverReadsPastAnyPrefix()
    {
        var body = Encoding.UTF8.GetBytes("SIP/2.0 180 Ringing\r\nFrom: <sip:a@b>\r\n");
        for (var length = 0; length <= body.Length; length++)
        {
            // Every prefix either fails or yields the one status the whole line holds: no partial code is read.
            if (SipFragStatus.TryParse(body.AsSpan(0, length), out var status))
            {
                Assert.Equal(180, status.StatusCode);
            }
        }
    }
}
