using Microsoft.Extensions.Logging;

namespace Switchboard.Server.Hosting;

/// <summary>Host start-up and shutdown log messages; event IDs 5050–5099 (docs/logging.md).</summary>
internal static partial class Log
{
    [LoggerMessage(5050, LogLevel.Warning, "The settings let {Needed} descriptors be open at once (SIP TCP {SipTcp} + HTTP {Http} + RTP ports {Rtp} + {Reserve} reserved) but the process may open only {Limit}: peers could exhaust them. Raise `ulimit -n` or lower SWITCHBOARD_SIP_TCP_MAX_CONNECTIONS, SWITCHBOARD_HTTP_MAX_CONNECTIONS or SWITCHBOARD_RTP_PORTS")]
    public static partial void DescriptorsShort(ILogger logger, long needed, int sipTcp, int http, int rtp, int reserve, long limit);

    [LoggerMessage(5051, LogLevel.Information, "Shutting down: waiting for {LiveCalls} live calls to end, {GraceLeftSeconds} s of grace left (SWITCHBOARD_SHUTDOWN_GRACE); press Ctrl-C again to hang them up now")]
    public static partial void WaitingForCalls(ILogger logger, int liveCalls, double graceLeftSeconds);

    [LoggerMessage(5052, LogLevel.Information, "Shutting down: the grace is over, hanging up {LiveCalls} live calls")]
    public static partial void GraceOver(ILogger logger, int liveCalls);

    [LoggerMessage(5053, LogLevel.Warning, "Stopping now: hanging up {LiveCalls} live calls; their final statuses are written to the outbox and delivered after the next start if not now")]
    public static partial void StoppingNow(ILogger logger, int liveCalls);

    [LoggerMessage(5054, LogLevel.Information, "Switchboard is listening: HTTP {HttpAddress}, SIP udp:{SipEndPoint}, RTP {RtpPortMin}-{RtpPortMax}, data {DataDirectory}")]
    public static partial void Listening(ILogger logger, Uri httpAddress, string sipEndPoint, int rtpPortMin, int rtpPortMax, string dataDirectory);

    [LoggerMessage(5055, LogLevel.Information, "API key for account {AccountSid} (shown once, keep it): {ApiKey}")]
    public static partial void ApiKeyGenerated(ILogger logger, string accountSid, string apiKey);
}
