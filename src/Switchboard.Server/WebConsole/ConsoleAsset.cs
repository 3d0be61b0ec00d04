namespace Switchboard.Server.WebConsole;

/// <summary>One file of the console as shipped in the server assembly, with its validator for conditional requests.</summary>
internal sealed record ConsoleAsset(string Path, string ContentType, byte[] Body, string ETag);
