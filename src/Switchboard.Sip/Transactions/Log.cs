using Microsoft.Extensions.Logging;

namespace Switchboard.Sip.Transactions;

/// <summary>Transaction log messages; event IDs 1200–1299.</summary>
internal static partial class Log
{
    [LoggerMessage(1200, LogLevel.Debug, "{Method} transaction {Branch} created (server: {IsServer})")]
    public static partial void TransactionCreated(ILogger logger, string method, string branch, bool isServer);

    [LoggerMessage(1201, LogLevel.Debug, "{Method} transaction {Branch} terminated (server: {IsServer})")]
    public static partial void TransactionTerminated(ILogger logger, string method, string branch, bool isServer);
}
