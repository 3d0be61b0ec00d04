using Microsoft.Extensions.Logging;

namespace Switchboard.Foundation.StateMachines;

/// <summary>Foundation's log messages: event ids 100–199.</summary>
internal static partial class StateMachineLog
{
    [LoggerMessage(100, LogLevel.Warning, "{Machine}: refused the illegal transition {From} → {To}")]
    public static partial void IllegalTransition(ILogger logger, string machine, string from, string to);
}
