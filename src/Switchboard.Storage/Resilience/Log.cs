using Microsoft.Extensions.Logging;

namespace Switchboard.Storage.Resilience;

/// <summary>Log messages of writes kept through a storage failure; event IDs 4000–4099 (docs/logging.md).</summary>
internal static partial class Log
{
    [LoggerMessage(4000, LogLevel.Error, "Storage refuses writes (first: {Key}); they are kept in memory, in order, and retried until the store takes them: {Failure}")]
    public static partial void WriteDeferred(ILogger logger, string key, string failure);

    [LoggerMessage(4001, LogLevel.Information, "Storage takes writes again; {Count} kept writes are stored")]
    public static partial void Recovered(ILogger logger, int count);

    [LoggerMessage(4002, LogLevel.Error, "Storage can never take a write ({Key}); it is dropped")]
    public static partial void WriteDropped(ILogger logger, Exception exception, string key);

    [LoggerMessage(4003, LogLevel.Error, "Storage still refuses {Count} kept writes at shutdown; they are lost and the next start settles their calls")]
    public static partial void LostAtShutdown(ILogger logger, int count);
}
