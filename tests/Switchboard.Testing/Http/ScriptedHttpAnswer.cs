using System.Text;

namespace Switchboard.Testing.Http;

/// <summary>What <see cref="ScriptedHttpServer"/> answers: a status, a body and its type, and any other headers.</summary>
public sealed record ScriptedHttpAnswer(int Status, byte[] Body, string ContentType = "application/json")
{
    /// <summary>Header lines added to the answer's head, e.g. <c>Retry-After: 20</c>.</summary>
    public IReadOnlyList<string> Headers { get; init; } = [];

    public static ScriptedHttpAnswer Json(int status, string json) => new(status, Encoding.UTF8.GetBytes(json));

    public static ScriptedHttpAnswer Text(int status, string text, string contentType = "text/plain") => new(status, Encoding.UTF8.GetBytes(text), contentType);
}
