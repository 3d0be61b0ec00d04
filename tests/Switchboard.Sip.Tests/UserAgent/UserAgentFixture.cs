using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Tests.UserAgent;

static class UserAgentFixture
{
    public const string Sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 20000 RTP/AVP 0\r\n";

    public static async Task<SipUserAgent> StartAsync(TimeProvider? clock = null)
    {
        var agent = new SipUserAgent(new SipUserAgentOptions(new IPEndPoint(IPAddress.Loopback, 0), null), clock ?? TimeProvider.System, NullLoggerFactory.Instance);
        await agent.StartAsync(CancellationToken.None);
        return agent;
    }

    public static OutboundCallRequest Request(string target) =>
        new(target, "+15550100", "Switchboard Test", null, [new("X-Test", "yes")], Sdp);
}
