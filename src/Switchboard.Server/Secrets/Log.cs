namespace Switchboard.Server.Secrets;

/// <summary>Stored secrets' log messages; event IDs 5100–5119.</summary>
internal static partial class Log
{
    [LoggerMessage(5100, LogLevel.Information, "Encrypted {Count} webhook secret(s) and carrier password(s) stored in clear by an earlier version")]
    public static partial void SecretsProtected(ILogger logger, int count);
}
