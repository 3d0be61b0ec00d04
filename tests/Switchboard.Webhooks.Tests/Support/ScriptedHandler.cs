using System.Net;

namespace Switchboard.Webhooks.Tests.Support;

/// <summary>An HTTP peer in memory: answers each request with <see cref="Respond"/> and keeps what it was sent.</summary>
internal sealed class ScriptedHandler(Func<Uri, HttpResponseMessage> respond) : HttpMessageHandler
{
    public List<SentRequest> Sent { get; } = [];

    public Func<Uri, HttpResponseMessage> Respond { get; } = respond;

    public static HttpResponseMessage Answer(HttpStatusCode status, string? json = null) => new(status)
    {
        Content = json is null ? new ByteArrayContent([]) : new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        Sent.Add(new SentRequest(request.Method, request.RequestUri!, request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase), body));
        return Respond(request.RequestUri!);
    }
}
