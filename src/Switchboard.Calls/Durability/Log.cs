using Microsoft.Extensions.Logging;

namespace Switchboard.Calls.Durability;

/// <summary>Crash recovery log messages; event IDs 3100–3199 (docs/logging.md).</summary>
internal static partial class Log
{
    [LoggerMessage(3105, LogLevel.Information, "Resuming {Count} undelivered webhooks of {Calls} calls")]
    public static partial void Resuming(ILogger logger, int count, int calls);

    [LoggerMessage(3106, LogLevel.Warning, "Call {CallSid} was left unfinished by a previous run; ended as failed")]
    public static partial void CallRecovered(ILogger logger, string callSid);

    [LoggerMessage(3107, LogLevel.Warning, "The final status of call {CallSid} ({Dialect}) cannot be rebuilt: no such dialect, or the call is gone")]
    public static partial void NoRestorer(ILogger logger, string callSid, string dialect);
}
