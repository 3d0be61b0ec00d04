namespace Switchboard.Server.Hosting;

/// <summary>
/// The server cannot start for a reason outside it (a port in use, a directory it may not write, a database it
/// cannot open); the message is one line naming the setting and its value.
/// </summary>
public sealed class StartupException(string message, Exception innerException) : Exception(message, innerException);
