using Microsoft.Extensions.Logging;

namespace Switchboard.Server.Hosting;

/// <summary>Host start-up log messages; event IDs 5050–5099 (docs/logging.md).</summary>
internal static partial class Log
{
    [LoggerMessage(5050, LogLevel.Warning, "The settings let {Needed} descriptors be open at once (SIP TCP {SipTcp} + HTTP {Http} + RTP ports {Rtp} + {Reserve} reserved) but the process may open only {Limit}: peers could exhaust them. Raise `ulimit -n` or lower SWITCHBOARD_SIP_TCP_MAX_CONNECTIONS, SWITCHBOARD_HTTP_MAX_CONNECTIONS or SWITCHBOARD_RTP_PORTS")]
    public static partial void DescriptorsShort(ILogger logger, long needed, int sipTcp, int http, int rtp, int reserve, long limit);
}
