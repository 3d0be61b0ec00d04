namespace Switchboard.Client.Http;

/// <summary>The members of an RFC 9457 problem the client reads.</summary>
internal sealed record Problem(string? Title, string? Detail, string? Field);
