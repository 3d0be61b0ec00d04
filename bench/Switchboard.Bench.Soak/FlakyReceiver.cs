using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Switchboard.Bench.Soak;

/// <summary>
/// The application: answers the call hook with a short script, and fails a share of status deliveries at random
/// (HTTP 500). Remembers, per call, the statuses it accepted, in the order it accepted them.
/// </summary>
internal sealed class FlakyReceiver : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _accepted = new();
    private readonly double _failureRate;
    private WebApplication _app = null!;
    private long _refused;
    private long _posts;

    private FlakyReceiver(double failureRate) => _failureRate = failureRate;

    public string BaseUrl { get; private set; } = "";

    public long Refused => Interlocked.Read(ref _refused);

    public long Posts => Interlocked.Read(ref _posts);

    public IReadOnlyDictionary<string, ConcurrentQueue<string>> Accepted => _accepted;

    public static async Task<FlakyReceiver> StartAsync(double failureRate, string script)
    {
        var receiver = new FlakyReceiver(failureRate);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/call", () => Results.Text(script, "application/json"));
        app.MapPost("/status", receiver.OnStatusAsync);
        await app.StartAsync();
        receiver._app = app;
        receiver.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> OnStatusAsync(HttpRequest request)
    {
        Interlocked.Increment(ref _posts);
        using var body = await JsonDocument.ParseAsync(request.Body);
        if (Random.Shared.NextDouble() < _failureRate)
        {
            Interlocked.Increment(ref _refused);
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }

        var sid = body.RootElement.GetProperty("call_sid").GetString()!;
        var status = body.RootElement.GetProperty("call_status").GetString()!;
        _accepted.GetOrAdd(sid, _ => new ConcurrentQueue<string>()).Enqueue(status);
        return Results.Ok();
    }
}
