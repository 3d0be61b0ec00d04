using Microsoft.Extensions.Logging;

namespace Switchboard.Sip.Registration;

/// <summary>Registration client log messages; event IDs 1450–1499.</summary>
internal static partial class Log
{
    [LoggerMessage(1450, LogLevel.Information, "Registration of {User} at {Registrar}: {State} ({StatusCode} {Reason})")]
    public static partial void StateChanged(ILogger logger, string user, string registrar, SipRegistrationState state, int? statusCode, string? reason);

    [LoggerMessage(1451, LogLevel.Information, "Registration of {User} at {Registrar} failed ({StatusCode} {Reason}); retrying in {Delay}")]
    public static partial void RetryScheduled(ILogger logger, string user, string registrar, int statusCode, string reason, TimeSpan delay);

    [LoggerMessage(1452, LogLevel.Debug, "Registration of {User} at {Registrar} granted {Granted}; refreshing in {Delay}")]
    public static partial void RefreshScheduled(ILogger logger, string user, string registrar, TimeSpan granted, TimeSpan delay);
}
