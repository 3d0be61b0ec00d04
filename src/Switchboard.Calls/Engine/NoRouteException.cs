namespace Switchboard.Calls.Engine;

/// <summary>The target cannot be reached with the configured carriers; nothing was created.</summary>
public sealed class NoRouteException(string message) : Exception(message);
