namespace Switchboard.Testing.Http;

/// <summary>One request as <see cref="ScriptedHttpServer"/> read it off the wire: request line, headers, raw body.</summary>
public sealed record RecordedHttpRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>The header's value (repeated headers joined with ", "), or null when it was not sent.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
