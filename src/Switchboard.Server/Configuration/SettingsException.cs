namespace Switchboard.Server.Configuration;

/// <summary>A setting is wrong; the message names it. The server does not start.</summary>
public sealed class SettingsException(string message) : Exception(message);
