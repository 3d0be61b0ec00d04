using System.Net;
using Microsoft.Extensions.Logging;

namespace Switchboard.Sip.Registrar;

/// <summary>Registrar log messages; event IDs 1400–1449.</summary>
internal static partial class Log
{
    [LoggerMessage(1400, LogLevel.Information, "{User} registered {Count} contact(s) from {Remote}; first {Contact} for {Seconds} s")]
    public static partial void Registered(ILogger logger, string user, int count, IPEndPoint remote, string contact, long seconds);

    [LoggerMessage(1401, LogLevel.Information, "{User} has no contact registered any more (REGISTER from {Remote})")]
    public static partial void Unregistered(ILogger logger, string user, IPEndPoint remote);

    [LoggerMessage(1402, LogLevel.Warning, "REGISTER for {User} from {Remote} refused with 403: wrong credentials or user")]
    public static partial void Forbidden(ILogger logger, string user, IPEndPoint remote);

    [LoggerMessage(1403, LogLevel.Debug, "REGISTER for {User} from {Remote} answered {StatusCode} {Reason}")]
    public static partial void Refused(ILogger logger, string user, IPEndPoint remote, int statusCode, string reason);

    [LoggerMessage(1404, LogLevel.Error, "REGISTER from {Remote} failed; answered 500")]
    public static partial void Failed(ILogger logger, IPEndPoint remote, Exception exception);
}
