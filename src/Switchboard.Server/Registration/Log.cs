using Microsoft.Extensions.Logging;

namespace Switchboard.Server.Registration;

/// <summary>Carrier registration log messages; event IDs 5000–5049.</summary>
internal static partial class Log
{
    [LoggerMessage(5000, LogLevel.Information, "Carrier {CarrierSid}: keeping a registration as {Target}")]
    public static partial void Starting(ILogger logger, string carrierSid, CarrierRegistrationTarget target);

    [LoggerMessage(5001, LogLevel.Information, "Carrier {CarrierSid}: registration ended")]
    public static partial void Stopped(ILogger logger, string carrierSid);

    [LoggerMessage(5002, LogLevel.Error, "Reading carriers for registration failed; retrying at the next poll")]
    public static partial void SyncFailed(ILogger logger, Exception exception);
}
