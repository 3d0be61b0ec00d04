using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Switchboard.FunctionalTests.Peers;

/// <summary>
/// The application's side of the webhooks: a real HTTP server on 127.0.0.1 that records every POST and
/// answers with what the test's <see cref="Respond"/> says (200 and an empty body by default).
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private WebApplication _app = null!;

    /// <summary>The answer for a webhook: status code and JSON body (null for none).</summary>
    public Func<ReceivedWebhook, (int Status, string? Body)> Respond { get; set; } = _ => (200, null);

    public IReadOnlyList<ReceivedWebhook> Received => _received.ToArray();

    /// <summary>Files served to GET requests by path (audio for <c>play</c>), not recorded as webhooks.</summary>
    public ConcurrentDictionary<string, (string ContentType, byte[] Body)> Files { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public string Url(string path) => BaseUrl + path;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        receiver._app = app;
        receiver.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return receiver;
    }

    /// <summary>The first webhook (in arrival order) that matches, waiting for it if needed.</summary>
    public async Task<ReceivedWebhook> WaitForAsync(Func<ReceivedWebhook, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var found = _received.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
            {
                throw new TimeoutException($"no matching webhook within {timeout}; received: {string.Join(" | ", _received.Select(w => w.Path + " " + w.Body.GetRawText()))}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (HttpMethods.IsGet(context.Request.Method) && Files.TryGetValue(context.Request.Path.Value ?? "", out var file))
        {
            context.Response.ContentType = file.ContentType;
            await context.Response.Body.WriteAsync(file.Body);
            return;
        }

        using var raw = new MemoryStream();
        await context.Request.Body.CopyToAsync(raw);
        using var body = JsonDocument.Parse(raw.ToArray());
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var webhook = new ReceivedWebhook(context.Request.Path.Value ?? "", body.RootElement.Clone(), DateTimeOffset.UtcNow, headers) { RawBody = raw.ToArray() };
        _received.Enqueue(webhook);
        _arrived.Release();
        var (status, answer) = Respond(webhook);
        context.Response.StatusCode = status;
        if (answer is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer);
        }
    }
}
